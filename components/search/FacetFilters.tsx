import { filterLabels } from "@/lib/format/labels";
import { FILTER_KEYS, type FilterKey, type SearchQuery } from "@/lib/search/query";
import type { FacetValue } from "@/lib/search/service";
import { FacetValueList } from "./FacetValueList";

/**
 * One fieldset of checkboxes per facet, each value with its count under the other filters. A
 * value with no result stays visible but disabled (unless selected, so that it can be removed).
 */
export function FacetFilters({
  query,
  facets,
  place,
  placeMatches,
}: {
  query: SearchQuery;
  facets: Record<FilterKey, FacetValue[]>;
  place: string;
  placeMatches: number;
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
              <div className="facet__place">
                <label htmlFor="lieu">Chercher un lieu (nom, sigle ou code)</label>
                <div className="facet__place-row">
                  <input id="lieu" name="lieu" type="search" defaultValue={place} autoComplete="off" />
                  <button type="submit" className="button--secondary">
                    Chercher
                  </button>
                </div>
                {place && (
                  <p className="meta">{placeMatches > 0 ? `Lieux trouvés pour « ${place} » ajoutés ci-dessous.` : `Aucun lieu trouvé pour « ${place} ».`}</p>
                )}
              </div>
            )}
            {values.length === 0 ? (
              <p className="meta">Aucune valeur.</p>
            ) : (
              <FacetValueList
                name={key}
                options={values.map((value) => {
                  const checked = selected.includes(value.value);
                  return { value: value.value, label: value.label, count: value.count.toLocaleString("fr-FR"), checked, disabled: value.count === 0 && !checked };
                })}
              />
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
