import Link from "next/link";
import { filterLabels } from "@/lib/format/labels";
import { FILTER_KEYS, type FilterKey, hasFilters, type SearchQuery, toSearchParams, withQuery } from "@/lib/search/query";
import type { FacetValue } from "@/lib/search/types";

function withoutValue(query: SearchQuery, key: FilterKey | "q", value: string): string {
  const next: SearchQuery = { ...query, page: 1 };
  if (key === "q") next.q = "";
  else (next[key] as (string | number)[]) = query[key].filter((v) => String(v) !== value);
  return withQuery("/initiatives", toSearchParams(next));
}

/** Active filters as links that remove them (chips), and a reset link. Works without JavaScript. */
export function ActiveFilters({ query, facets }: { query: SearchQuery; facets: Record<FilterKey, FacetValue[]> }) {
  if (!hasFilters(query)) return null;
  const chips: { key: FilterKey | "q"; value: string; label: string }[] = [];
  if (query.q) chips.push({ key: "q", value: query.q, label: `Recherche : « ${query.q} »` });
  for (const key of FILTER_KEYS) {
    for (const raw of query[key]) {
      const value = String(raw);
      const label = facets[key].find((f) => f.value === value)?.label ?? value;
      chips.push({ key, value, label: `${filterLabels[key]} : ${label}` });
    }
  }
  return (
    <div className="active-filters">
      <h2 className="visually-hidden">Filtres actifs</h2>
      <ul className="chips">
        {chips.map((chip) => (
          <li key={`${chip.key}-${chip.value}`}>
            <Link className="chip" href={withoutValue(query, chip.key, chip.value)}>
              <span className="visually-hidden">Retirer le filtre </span>
              {chip.label}
              <span aria-hidden="true"> ×</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href="/initiatives" className="button button--secondary">
        Réinitialiser
      </Link>
    </div>
  );
}
