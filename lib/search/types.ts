/** What a search returns, shared by the search page's components, the API and the benchmark. */
import type { Segment } from "./highlight";
import type { UnderstoodPlace } from "./place-words";
import type { FilterKey } from "./query";

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  /** The title with the query's words highlighted. */
  titleSegments: Segment[];
  summary: string;
  /** Summary or passages of the text around the query's words, highlighted. */
  excerpt: Segment[];
  territories: { code: string; name: string; kind: "REGION" | "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV" }[];
  approaches: { slug: string; label: string }[];
  startYear: number | null;
  endYear: number | null;
  ongoing: boolean;
  publishedAt: Date | null;
  /** Set on an entry that covers the chosen place from a larger territory: « à l'échelle de la région ». */
  scale?: string;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  facets: Record<FilterKey, FacetValue[]>;
  /**
   * When places are chosen: how many matches lie inside them and how many cover them from a
   * larger territory (whatever the scope, so that a control can say what the other scope holds).
   */
  placeCounts?: { local: number; covering: number };
  /** Set when the exact search found little and typo corrections widened it ("discrimination"). */
  correctedQuery?: string;
  /** Words of the query read as places (« Roubaix »), searched as place filters instead of text. */
  places: UnderstoodPlace[];
  /** Set when all the words together found nothing: the words left out of the results shown. */
  droppedWords?: string[];
}
