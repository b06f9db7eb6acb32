"use client";
import { useState } from "react";
import { DOSSIER_MAX_ENTRIES, type EntryKind, entryKey } from "@/lib/dossier/keys";
import { addToDossier, contains, saveDossier, useDossier } from "./dossier-store";

/**
 * « Dans mon dossier », a toggle button shown once the browser's dossier is known. Its name never
 * changes: aria-pressed says whether the entry is in the dossier, and the mark beside the words
 * shows it (a name that flips between « ajouter » and « retirer » while aria-pressed also flips
 * reads as a double negative). The entry's title, hidden, tells one card's button from the next.
 */
export function DossierToggle({ kind, slug, title, compact = false }: { kind: EntryKind; slug: string; title: string; compact?: boolean }) {
  const entries = useDossier();
  const [full, setFull] = useState(false);
  if (!entries) return null;
  const entry = { kind, slug, note: "" };
  const inDossier = contains(entries, entry);
  const toggle = () => {
    if (inDossier) saveDossier(entries.filter((other) => entryKey(other) !== entryKey(entry)));
    else setFull(!addToDossier(entries, [entry]));
  };
  return (
    <p className={`dossier-toggle no-print${compact ? " dossier-toggle--compact" : ""}`}>
      <button type="button" className="button--secondary" aria-pressed={inDossier} onClick={toggle}>
        <span aria-hidden="true" className="dossier-toggle__mark">
          {inDossier ? "✓" : "+"}
        </span>{" "}
        Dans mon dossier
        <span className="visually-hidden"> : {title}</span>
      </button>
      {/* Added only when it happens: a results page would otherwise hold one empty live region per card. */}
      {full && <span role="alert"> Votre dossier est plein ({DOSSIER_MAX_ENTRIES} fiches) : retirez-en une d&apos;abord.</span>}
    </p>
  );
}
