import type { SearchQuery } from "@/lib/search/query";
import type { SearchResult } from "@/lib/search/types";
import type { BaselineResult } from "./baseline";

/** The ids of a result page: the one place that knows the shape of the service's results. */
export function pageIds(result: SearchResult): number[] {
  return result.items.map((item) => item.id);
}

/**
 * Where the service and the naive baseline must agree: without a text query (text search
 * semantics differ on purpose: stemming, accents, typos against plain ILIKE), the total, every
 * facet count the service shows, and the page itself when the order is fully defined (recent:
 * publication dates are distinct in the generated data).
 */
export function isComparable(query: SearchQuery): boolean {
  return query.q === "";
}

export function differences(query: SearchQuery, service: SearchResult, baseline: BaselineResult): string[] {
  const out: string[] = [];
  if (service.total !== baseline.total) out.push(`total ${service.total} ≠ ${baseline.total}`);
  if (query.tri === "recent") {
    const ours = pageIds(service).join(",");
    const theirs = baseline.ids.join(",");
    if (ours !== theirs) out.push(`page [${ours}] ≠ [${theirs}]`);
  }
  for (const [key, values] of Object.entries(service.facets) as [
    keyof SearchResult["facets"],
    SearchResult["facets"][keyof SearchResult["facets"]],
  ][]) {
    for (const value of values) {
      const expected = baseline.facets[key].get(String(value.value)) ?? 0;
      if (value.count !== expected) out.push(`facette ${key}=${value.value} : ${value.count} ≠ ${expected}`);
    }
  }
  return out;
}
