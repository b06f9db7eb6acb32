/**
 * What a dossier is, in the browser and in a URL: an ordered list of entries, each an initiative
 * (`i:slug`) or a lesson (`l:slug`), written `e=i:slug1,l:slug2`. Notes stay in the browser and
 * out of the shared link (a link is short and public; a note is personal); the export form sends
 * them as `note:i:slug` fields. Shared by the client components and the server, so no server
 * import, and no validation library: this module is in the JavaScript of every page (the header's
 * « Mon dossier » link); reading a dossier from a request is in ./entries.
 */
export const DOSSIER_MAX_ENTRIES = 50;
export const NOTE_MAX_LENGTH = 2000;

export type EntryKind = "initiative" | "lesson";
export type DossierEntry = { kind: EntryKind; slug: string };
export type NotedEntry = DossierEntry & { note: string };

export const kindOfPrefix = { i: "initiative", l: "lesson" } as const satisfies Record<string, EntryKind>;
const prefixOfKind: Record<EntryKind, string> = { initiative: "i", lesson: "l" };

export const entryKey = (entry: DossierEntry) => `${prefixOfKind[entry.kind]}:${entry.slug}`;
export const noteField = (entry: DossierEntry) => `note:${entryKey(entry)}`;
export const entriesParam = (entries: DossierEntry[]) => entries.map(entryKey).join(",");
export const dossierPath = (entries: DossierEntry[]) => (entries.length ? `/dossier?e=${entriesParam(entries)}` : "/dossier");
