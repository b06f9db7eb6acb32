"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { dossierPath, entriesParam, entryKey, type EntryKind, type NotedEntry, NOTE_MAX_LENGTH, noteField } from "@/lib/dossier/keys";
import { addToDossier, saveDossier, useDossier } from "./dossier-store";

/** One entry as the server read it: `title` null when the entry is unknown or not public. */
export type DossierViewItem = { kind: EntryKind; slug: string; title: string | null; summary: string | null; href: string };

const kindLabel = { initiative: "Initiative", lesson: "Enseignement" } as const;
const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((key) => b.includes(key));

/**
 * The list of /dossier. The server renders the entries of the URL; once the browser's dossier is
 * known, either the URL is that dossier (it can be reordered, annotated, trimmed: the URL follows)
 * or it was shared from elsewhere (it can be saved into the browser's dossier).
 */
export function DossierEditor({ items }: { items: DossierViewItem[] }) {
  const router = useRouter();
  const local = useDossier();
  const urlKeys = items.map(entryKey);
  const [own, setOwn] = useState(false);
  // Moving or removing an entry re-renders the list: focus goes where the keyboard user expects it.
  const focusAfterRender = useRef<string | null>(null);
  const [copied, setCopied] = useState("");
  const localKeys = local?.map(entryKey) ?? [];
  const isOwn = !!local && (own || (local.length > 0 && sameKeys(urlKeys, localKeys)));
  // Entries the server has not read (added in another tab, or /dossier opened without them).
  const needsLocal = !!local && local.length > 0 && (isOwn || urlKeys.length === 0) && localKeys.some((key) => !urlKeys.includes(key));

  useEffect(() => {
    // The server renders what the URL names: an own dossier whose entries changed (or /dossier
    // without entries) is fetched again under the browser's list.
    if (needsLocal) router.replace(dossierPath(local!));
  }, [needsLocal, local, router]);

  useEffect(() => {
    // Entries reordered or removed: the address follows without asking the server again.
    if (isOwn && local && !needsLocal) window.history.replaceState(window.history.state, "", dossierPath(local));
  });

  useEffect(() => {
    if (focusAfterRender.current) document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  const byKey = new Map(items.map((item) => [entryKey(item), item]));
  const shown: (DossierViewItem & { note: string })[] =
    isOwn && local
      ? local.flatMap((entry) => (byKey.has(entryKey(entry)) ? [{ ...byKey.get(entryKey(entry))!, note: entry.note }] : []))
      : items.map((item) => ({ ...item, note: "" }));

  const move = (index: number, by: -1 | 1) => {
    setOwn(true);
    const next = [...local!];
    const [entry] = next.splice(index, 1);
    next.splice(index + by, 0, entry!);
    saveDossier(next);
    const target = index + by;
    const direction =
      (target === 0 && by === -1) || (target === next.length - 1 && by === 1) ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down";
    focusAfterRender.current = `${direction}-${entryKey(entry!)}`;
  };
  const remove = (index: number) => {
    setOwn(true);
    const next = local!.filter((_, i) => i !== index);
    saveDossier(next);
    focusAfterRender.current = next.length ? `title-${entryKey(next[Math.min(index, next.length - 1)]!)}` : "dossier-heading";
  };
  const annotate = (index: number, note: string) => saveDossier(local!.map((entry, i) => (i === index ? { ...entry, note } : entry)));
  const saveShared = () => {
    const shared: NotedEntry[] = items.map(({ kind, slug }) => ({ kind, slug, note: "" }));
    const complete = addToDossier(local ?? [], shared);
    setOwn(true);
    setCopied(
      complete
        ? "Le dossier partagé est enregistré dans votre dossier."
        : "Votre dossier est plein : une partie seulement du dossier partagé a été enregistrée.",
    );
  };
  const shareUrl = typeof window === "undefined" ? dossierPath(shown) : `${window.location.origin}${dossierPath(shown)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shareUrl);
      setCopied("Lien de partage copié.");
    } catch {
      setCopied("La copie a échoué : sélectionnez le lien ci-dessus et copiez-le.");
    }
  };

  if (needsLocal) return <p role="status">Ouverture de votre dossier…</p>;
  if (!shown.length && !(local === null && items.length)) {
    return (
      <p>
        Votre dossier est vide. Sur la page d&apos;une <Link href="/initiatives">initiative</Link> ou d&apos;un{" "}
        <Link href="/enseignements">enseignement</Link>, choisissez « Dans mon dossier ».
      </p>
    );
  }

  return (
    <>
      {local && !isOwn && (
        <div className="panel dossier-shared">
          <p>Ce dossier vous a été partagé{local.length ? " : il est différent du dossier enregistré dans ce navigateur" : ""}.</p>
          <button type="button" onClick={saveShared}>
            Enregistrer dans mon dossier
          </button>
        </div>
      )}
      <form method="post" action="/dossier/export.pdf" className="dossier">
        <input type="hidden" name="e" value={entriesParam(shown)} />
        <ol className="dossier__list">
          {shown.map((item, index) => {
            const key = entryKey(item);
            const name = item.title ?? "Fiche indisponible";
            return (
              <li key={key} className="card dossier__entry">
                <h2 id={`title-${key}`} tabIndex={-1}>
                  {item.title ? <Link href={item.href}>{item.title}</Link> : "Fiche indisponible"}
                </h2>
                <p className="meta">
                  {kindLabel[item.kind]}
                  {!item.title && " : cette fiche a été retirée ou n'est pas publiée."}
                </p>
                {item.summary && <p>{item.summary}</p>}
                {isOwn && (
                  <>
                    <div className="dossier__actions">
                      <button
                        type="button"
                        id={`up-${key}`}
                        className="button--secondary"
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        Monter<span className="visually-hidden"> : {name}</span>
                      </button>
                      <button
                        type="button"
                        id={`down-${key}`}
                        className="button--secondary"
                        disabled={index === shown.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        Descendre<span className="visually-hidden"> : {name}</span>
                      </button>
                      <button type="button" className="button--secondary" onClick={() => remove(index)}>
                        Retirer de mon dossier<span className="visually-hidden"> : {name}</span>
                      </button>
                    </div>
                    {item.title && (
                      <p className="dossier__note">
                        <label htmlFor={`note-${key}`}>Note sur « {item.title} »</label>
                        <textarea
                          id={`note-${key}`}
                          name={noteField(item)}
                          rows={3}
                          maxLength={NOTE_MAX_LENGTH}
                          value={item.note}
                          onChange={(event) => annotate(index, event.target.value)}
                        />
                      </p>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ol>
        <section aria-labelledby="dossier-export-heading" className="dossier__export">
          <h2 id="dossier-export-heading">Exporter le dossier</h2>
          <p>
            Le PDF réunit une couverture, le sommaire, une fiche par entrée avec votre note, et les sources ; le tableur CSV, une ligne par
            entrée.
          </p>
          <div className="dossier__actions">
            <button type="submit" formAction="/dossier/export.pdf">
              Télécharger le PDF
            </button>
            <button type="submit" formAction="/dossier/export.csv" className="button--secondary">
              Télécharger le tableur CSV
            </button>
          </div>
        </section>
      </form>
      {local && (
        <section aria-labelledby="dossier-share-heading" className="dossier__share">
          <h2 id="dossier-share-heading">Partager</h2>
          <p>
            <label htmlFor="dossier-share-link">Lien de partage</label>
            <input id="dossier-share-link" type="url" readOnly value={shareUrl} />
          </p>
          <p className="meta">Les notes restent dans ce navigateur : le lien ne les transmet pas, les exports les contiennent.</p>
          <button type="button" onClick={copy}>
            Copier le lien de partage
          </button>
        </section>
      )}
      <p role="status" className="dossier__status">
        {copied}
      </p>
    </>
  );
}
