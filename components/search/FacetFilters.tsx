import { filterLabels } from "@/lib/format/labels";
import { FILTER_KEYS, type FilterKey, type SearchQuery } from "@/lib/search/query";
import type { FacetValue } from "@/lib/search/types";
import { FacetValueList } from "./FacetValueList";
import { PlacePicker, type PlaceSuggestion } from "./PlacePicker";

/**
 * One fieldset of checkboxes per facet, each value with its count under the other filters. A
 * value with no result stays visible but disabled (unless selected, so that it can be removed).
 */
export function FacetFilters({
  query,
  facets,
  place,
}: {
  query: SearchQuery;
  facets: Record<FilterKey, FacetValue[]>;
  place: {
    query: string;
    suggestions: PlaceSuggestion[];
    /** « Voir les communes de … » / « Masquer … » for the selected places with a next level down. */
    expandLinks: { href: string; label: string }[];
  };
}) {
  return (
    <div className="facets">
      {FILTER_KEYS.map((key) => {
        const selected = query[key].map(String);
        const values = facets[key];
        return (
          <fieldset key={key} className="facet">
            <legend>{filterLabels[key]}</legend>
            {key === "territoire" && (
              <>
                <PlacePicker initialQuery={place.query} suggestions={place.suggestions} />
                {place.expandLinks.length > 0 && (
                  <ul className="facet__expand">
                    {place.expandLinks.map((link) => (
                      <li key={link.href}>
                        <a href={link.href}>{link.label}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            {values.length === 0 ? (
              <p className="meta">Aucune valeur.</p>
            ) : (
              <FacetValueList
                name={key}
                options={values.map((value) => {
                  const checked = selected.includes(value.value);
                  return {
                    value: value.value,
                    label: value.label,
                    count: value.count.toLocaleString("fr-FR"),
                    checked,
                    disabled: value.count === 0 && !checked,
                  };
                })}
              />
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
