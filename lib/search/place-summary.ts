import { plural } from "@/lib/format/labels";
import type { SearchQuery } from "./query";
import type { FacetValue, SearchResult } from "./types";

/** The names of the chosen places, as the territory facet labels them. */
export function chosenPlaceNames(query: SearchQuery, territories: FacetValue[]): string {
  return query.territoire.map((code) => territories.find((t) => t.value === code)?.label ?? code).join(", ");
}

/**
 * How the results split, when places are chosen and both scopes are shown: « 2 dans ce lieu
 * (Creil), 3 à plus grande échelle ». Undefined otherwise: one scope, or nothing covering (the
 * count says it all).
 */
export function placeSplitText(query: SearchQuery, result: Pick<SearchResult, "placeCounts" | "facets">): string | undefined {
  if (!result.placeCounts || query.portee !== "tous" || result.placeCounts.covering === 0) return undefined;
  const { local, covering } = result.placeCounts;
  const here = query.territoire.length > 1 ? "dans ces lieux" : "dans ce lieu";
  return `${local.toLocaleString("fr-FR")} ${here} (${chosenPlaceNames(query, result.facets.territoire)}), ${covering.toLocaleString("fr-FR")} à plus grande échelle`;
}

/** « 5 initiatives trouvées : 2 dans ce lieu (Creil), 3 à plus grande échelle ». */
export function resultCountText(
  query: SearchQuery,
  result: Pick<SearchResult, "placeCounts" | "facets" | "total">,
  singular: string,
  pluralForm: string,
): string {
  const split = result.total > 0 ? placeSplitText(query, result) : undefined;
  return `${plural(result.total, singular, pluralForm)}${split ? ` : ${split}` : ""}`;
}
