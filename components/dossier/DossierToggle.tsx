"use client";
import { useState } from "react";
import { DOSSIER_MAX_ENTRIES, type EntryKind, entryKey } from "@/lib/dossier/entries";
import { addToDossier, contains, saveDossier, useDossier } from "./dossier-store";

/** « Ajouter à mon dossier » / « Retirer de mon dossier »: shown once the browser's dossier is known. */
export function DossierToggle({ kind, slug, title }: { kind: EntryKind; slug: string; title: string }) {
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
    <p className="dossier-toggle no-print">
      <button type="button" className="button--secondary" aria-pressed={inDossier} onClick={toggle}>
        {inDossier ? "Retirer de mon dossier" : "Ajouter à mon dossier"}
        <span className="visually-hidden"> : {title}</span>
      </button>
      <span role="status">{full ? ` Votre dossier est plein (${DOSSIER_MAX_ENTRIES} fiches) : retirez-en une d'abord.` : ""}</span>
    </p>
  );
}
