import { placeScopeLabels } from "@/lib/format/labels";
import { PLACE_SCOPE_PARAM, PLACE_SCOPES, type PlaceScope } from "@/lib/search/place-scope";
import type { SearchQuery } from "@/lib/search/query";
import type { SearchResult } from "@/lib/search/types";

/**
 * Inside / covering / both, for the chosen places: radio buttons of the search form (a plain GET
 * form without JavaScript), each with how many results it gives. Shown only when a place is chosen.
 */
export function PlaceScopeControl({ query, placeCounts }: { query: SearchQuery; placeCounts: SearchResult["placeCounts"] }) {
  if (query.territoire.length === 0 || !placeCounts) return null;
  const counts: Record<PlaceScope, number> = {
    tous: placeCounts.local + placeCounts.covering,
    local: placeCounts.local,
    couvrant: placeCounts.covering,
  };
  return (
    <fieldset className="facet place-scope">
      <legend>Portée du lieu</legend>
      <p className="meta" id="place-scope-help">
        « À plus grande échelle » : les initiatives de l&apos;intercommunalité, du département ou de la région qui contiennent ce lieu,
        jamais celles des lieux voisins.
      </p>
      <ul className="facet__values">
        {PLACE_SCOPES.map((scope) => (
          <li key={scope}>
            <input
              type="radio"
              id={`portee-${scope}`}
              name={PLACE_SCOPE_PARAM}
              value={scope}
              defaultChecked={query.portee === scope}
              aria-describedby="place-scope-help"
            />
            <label htmlFor={`portee-${scope}`}>
              {placeScopeLabels[scope]} <span className="meta">({counts[scope].toLocaleString("fr-FR")})</span>
            </label>
          </li>
        ))}
      </ul>
      {/* Without JavaScript a radio button does not apply by itself. */}
      <p>
        <button type="submit">Appliquer la portée</button>
      </p>
    </fieldset>
  );
}
