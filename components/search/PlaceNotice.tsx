import Link from "next/link";
import { territoryKindLabels } from "@/lib/format/labels";
import type { PlaceChoice } from "@/lib/territories/lookup";

/**
 * How the typed place was understood, with the other places it could mean as links
 * (`hrefFor(code)`), or that it names none: the list is then not filtered by place.
 */
export function PlaceNotice({ choice, hrefFor }: { choice: PlaceChoice; hrefFor: (code: string) => string }) {
  if (choice.unknown) {
    return (
      <p className="notice">
        {choice.typed ? `Aucun lieu ne correspond à « ${choice.typed} »` : "Aucun lieu ne porte ce code"} : la liste n&apos;est pas filtrée
        par lieu. Essayez un nom de commune, un sigle d&apos;intercommunalité (ACSO, MEL) ou un code INSEE.
      </p>
    );
  }
  if (!choice.place || !choice.typed) return null;
  return (
    <div className="notice">
      <p>
        « {choice.typed} » compris comme <strong>{choice.place.name}</strong> ({territoryKindLabels[choice.place.kind].toLowerCase()}).
      </p>
      {choice.alternatives.length > 0 && (
        <p>
          Vouliez-vous dire :{" "}
          {choice.alternatives.map((place, index) => (
            <span key={place.code}>
              {index > 0 && ", "}
              <Link href={hrefFor(place.code)}>
                {place.name} ({territoryKindLabels[place.kind].toLowerCase()})
              </Link>
            </span>
          ))}{" "}
          ?
        </p>
      )}
    </div>
  );
}
