import { FilterSelect } from "@/components/forms/FilterSelect";
import { territoryKindLabels } from "@/lib/format/labels";
import { placeScopeLabels } from "@/lib/format/labels";
import { PLACE_SCOPES, type PlaceScope } from "@/lib/search/place-scope";
import type { Place } from "@/lib/territories/lookup";
import { PLACE_QUERY_MAX } from "@/lib/territories/place-text";

/**
 * The place fields of a plain GET form (/recherche, /enseignements): typed words (`lieu`), and
 * once a place is chosen, its box (`territoire`, untick to drop it) and its scope (`portee`).
 */
export function PlaceChoiceFields({
  idPrefix,
  place,
  scope,
  label,
}: {
  idPrefix: string;
  place: Place | null;
  scope: PlaceScope;
  label: string;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}lieu`}>{place ? "Changer de lieu" : label}</label>
        <input
          id={`${idPrefix}lieu`}
          name="lieu"
          type="search"
          maxLength={PLACE_QUERY_MAX}
          autoComplete="off"
          aria-describedby={`${idPrefix}lieu-hint`}
        />
        <p id={`${idPrefix}lieu-hint`} className="meta">
          Commune, intercommunalité (ACSO, MEL), quartier ou code INSEE
        </p>
      </div>
      {place && (
        <>
          <div className="field field--check">
            <input id={`${idPrefix}territoire`} name="territoire" type="checkbox" value={place.code} defaultChecked />{" "}
            <label htmlFor={`${idPrefix}territoire`}>
              {place.name} ({territoryKindLabels[place.kind].toLowerCase()})
            </label>
          </div>
          <FilterSelect
            id={`${idPrefix}portee`}
            name="portee"
            label="Portée"
            value={scope}
            options={PLACE_SCOPES.map((value) => ({ value, label: placeScopeLabels[value] }))}
          />
        </>
      )}
    </>
  );
}
