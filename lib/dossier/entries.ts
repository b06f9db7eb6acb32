/**
 * Reading a dossier (see ./keys) from a query string or a submitted form, on the server.
 */
import { z } from "zod";
import { formText } from "@/lib/validation/text";
import { DOSSIER_MAX_ENTRIES, type DossierEntry, entryKey, kindOfPrefix, NOTE_MAX_LENGTH, type NotedEntry, noteField } from "./keys";

const entrySchema = z
  .string()
  .regex(/^[il]:[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Une fiche du dossier est mal écrite (attendu : i:identifiant ou l:identifiant)." })
  .max(120, { error: "Un identifiant de fiche est trop long." })
  .transform((key): DossierEntry => ({ kind: kindOfPrefix[key[0] as keyof typeof kindOfPrefix], slug: key.slice(2) }));

const entriesSchema = z
  .string()
  .max(DOSSIER_MAX_ENTRIES * 121, { error: `Un dossier compte au plus ${DOSSIER_MAX_ENTRIES} fiches.` })
  .transform((value) => value.split(",").filter(Boolean))
  .pipe(z.array(entrySchema).max(DOSSIER_MAX_ENTRIES, { error: `Un dossier compte au plus ${DOSSIER_MAX_ENTRIES} fiches.` }))
  // The same entry twice would print twice: the first place is kept.
  .transform((entries) => entries.filter((entry, index) => entries.findIndex((other) => entryKey(other) === entryKey(entry)) === index));

const noteSchema = formText("La note", { multiline: true }).pipe(
  z
    .string()
    .trim()
    .max(NOTE_MAX_LENGTH, { error: `Une note compte au plus ${NOTE_MAX_LENGTH} caractères.` }),
);

export type DossierParse = { ok: true; entries: NotedEntry[] } | { ok: false; message: string };

/**
 * Reads a dossier from a query string or a submitted form: `e` (one value; absent means empty)
 * and, for each entry, an optional `note:<key>` field.
 */
export function parseDossier(read: (name: string) => string | null | undefined): DossierParse {
  const parsed = entriesSchema.safeParse(read("e") ?? "");
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const entries: NotedEntry[] = [];
  for (const entry of parsed.data) {
    const note = noteSchema.safeParse(read(noteField(entry)) ?? "");
    if (!note.success) return { ok: false, message: note.error.issues[0]!.message };
    entries.push({ ...entry, note: note.data });
  }
  return { ok: true, entries };
}

/** The dossier of a request: its query string, and for a POST its form fields too. */
export async function dossierOfRequest(request: Request): Promise<DossierParse> {
  const query = new URL(request.url).searchParams;
  if (request.method !== "POST") return parseDossier((name) => query.get(name));
  const form = await request.formData().catch(() => null);
  if (!form) return { ok: false, message: "Le formulaire envoyé est illisible." };
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  return parseDossier((name) => field(name) ?? query.get(name));
}
