import { z } from "zod";
import { activityYear, pageNumber } from "@/lib/validation/integer";
import { cleanSearchText } from "@/lib/format/search-text";
import { DEFAULT_PLACE_SCOPE, parsePlaceScope, PLACE_SCOPE_PARAM, type PlaceScope } from "./place-scope";
import { byVocabulary, VOCABULARY_FACETS, type VocabularyFacet } from "@/lib/vocabularies/registry";

/**
 * The state of a search, as it lives in the URL of /initiatives (and of the map, the exports,
 * the feeds and the API, which all take the same parameters). Parsing never throws on what a
 * person can type: unknown parameters are ignored, malformed values are dropped, and a query
 * string can only produce a SearchQuery or a list of French messages for a 400.
 */

export const actorKindParams = {
  etat: "STATE_SERVICE",
  collectivite: "LOCAL_AUTHORITY",
  association: "ASSOCIATION",
  "centre-ressources": "RESOURCE_CENTRE",
  "autorite-independante": "INDEPENDENT_AUTHORITY",
  bailleur: "SOCIAL_LANDLORD",
  entreprise: "COMPANY",
  "etablissement-public": "PUBLIC_BODY",
  autre: "OTHER",
} as const;
export type ActorKindParam = keyof typeof actorKindParams;

export const statusParams = ["en-cours", "termine"] as const;
export const sortParams = ["pertinence", "recent", "titre"] as const;

export const MAX_QUERY_LENGTH = 200;
export const MAX_VALUES_PER_FILTER = 30;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100);
export const territoryCode = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/);

/** The vocabulary filters: one list of slugs per vocabulary of the registry. */
export type VocabularyFilters = Record<VocabularyFacet, string[]>;

export interface SearchQuery extends VocabularyFilters {
  q: string;
  territoire: string[];
  acteur: ActorKindParam[];
  statut: (typeof statusParams)[number][];
  annee: number[];
  /** Which entries the chosen places bring: inside them, covering them, or both (place-scope.ts). */
  portee: PlaceScope;
  tri: (typeof sortParams)[number];
  page: number;
  /** False with `interpreter=non`: words naming a place stay words of the text (lib/search/place-words.ts). */
  interpret: boolean;
}

export const FILTER_KEYS = ["territoire", ...VOCABULARY_FACETS, "acteur", "statut", "annee"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const emptyQuery: SearchQuery = {
  q: "",
  territoire: [],
  ...byVocabulary("facet", () => []),
  acteur: [],
  statut: [],
  annee: [],
  portee: DEFAULT_PLACE_SCOPE,
  tri: "pertinence",
  page: 1,
  interpret: true,
};

type Input = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(input: Input, key: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(key);
  const value = input[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Keeps the valid, distinct values of a repeated parameter, in their first order. */
function keep<T>(raw: string[], schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  for (const value of raw.slice(0, MAX_VALUES_PER_FILTER * 3)) {
    const parsed = schema.safeParse(value.trim());
    if (parsed.success && !out.includes(parsed.data)) out.push(parsed.data);
    if (out.length === MAX_VALUES_PER_FILTER) break;
  }
  return out;
}

export function parseSearchQuery(input: Input): SearchQuery {
  const first = (key: string) => valuesOf(input, key)[0]?.trim() ?? "";
  const page = pageNumber().safeParse(first("page"));
  const tri = z.enum(sortParams).safeParse(first("tri"));
  const territoire = keep(valuesOf(input, "territoire"), territoryCode);
  return {
    // Over-long queries are cut rather than refused: a pasted paragraph still finds something.
    // Control characters (NUL would be a 500 in PostgreSQL) are cleaned here, once for every reader.
    q: cleanSearchText(first("q"), MAX_QUERY_LENGTH),
    territoire,
    ...byVocabulary("facet", (vocabulary) => keep(valuesOf(input, vocabulary.facet), slug)),
    acteur: keep(valuesOf(input, "acteur"), z.enum(Object.keys(actorKindParams) as [ActorKindParam, ...ActorKindParam[]])),
    statut: keep(valuesOf(input, "statut"), z.enum(statusParams)),
    annee: keep(valuesOf(input, "annee"), activityYear),
    // Without a place the scope means nothing: one search, one state (and one cache key). A place
    // may also be named in the words (« discriminations Roubaix »), read by the search service.
    portee: territoire.length > 0 || first("q") !== "" ? parsePlaceScope(first(PLACE_SCOPE_PARAM)) : DEFAULT_PLACE_SCOPE,
    tri: tri.success ? tri.data : "pertinence",
    page: page.success ? page.data : 1,
    interpret: first("interpreter") !== "non",
  };
}

/** `path?query`, or the bare path when there is no parameter. */
export function withQuery(path: string, params: URLSearchParams | string): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The canonical query string of a search (stable order, defaults omitted): shareable URLs. */
export function toSearchParams(query: Partial<SearchQuery>): URLSearchParams {
  const full = { ...emptyQuery, ...query };
  const params = new URLSearchParams();
  if (full.q) params.set("q", full.q);
  for (const key of FILTER_KEYS) for (const value of full[key]) params.append(key, String(value));
  if ((full.territoire.length > 0 || full.q !== "") && full.portee !== DEFAULT_PLACE_SCOPE) params.set(PLACE_SCOPE_PARAM, full.portee);
  if (full.tri !== "pertinence") params.set("tri", full.tri);
  if (full.page > 1) params.set("page", String(full.page));
  if (!full.interpret) params.set("interpreter", "non");
  return params;
}

export function hasFilters(query: SearchQuery): boolean {
  return query.q !== "" || FILTER_KEYS.some((key) => query[key].length > 0);
}
