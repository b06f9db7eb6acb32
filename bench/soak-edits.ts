import { randomBytes } from "node:crypto";
import { createAccount } from "@/lib/accounts/users";
import type { Database } from "@/lib/db/connect";
import type { EntityDefinition } from "@/lib/editorial/definition";
import { recordMeta, saveRecord, transitionRecord } from "@/lib/editorial/engine";
import { emptyValues, type FormValues } from "@/lib/editorial/form-values";
import type { Actor } from "@/lib/editorial/permissions";
import { definitionByPath } from "@/lib/editorial/registry";

/**
 * Editors of the soak save through the editorial engine itself (lib/editorial/engine.ts), from
 * the benchmark process, on the database the server reads. The server actions that the back
 * office calls are thin wrappers around saveRecord behind a next-auth session with a second
 * factor; driving them over HTTP would mean forging sessions and React's action encoding, for
 * the same locking code on the same rows. What the server must get right, that edits show at the
 * next request, is checked over HTTP: the page of an entry is read after every accepted save.
 */
export const initiatives = definitionByPath("initiatives") as EntityDefinition<unknown>;

/** Few entries, so that editors meet on them: a conflict needs two saves on one version. */
export const HOT_ENTRIES = 2;
const HOT_TITLE = "Banc d'endurance : initiative éditée en parallèle";

export interface HotEntry {
  id: number;
  slug: string;
  /** The version before the run: revisions above it are the run's. */
  startVersion: number;
}

/** `count` editors (role EDITOR, as in the back office), reused from one run to the next. */
export async function soakEditors(db: Database, count: number): Promise<Actor[]> {
  const editors: Actor[] = [];
  for (let n = 1; n <= count; n++) {
    const email = `banc.endurance.${n}@bench.reperes`;
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    // Nobody signs in as them: a password nobody knows.
    const id =
      existing?.id ??
      (
        await createAccount(
          db,
          { email, name: `Éditeur d'endurance ${n}`, role: "EDITOR", password: randomBytes(24).toString("base64url") },
          { userId: null },
        )
      ).id;
    editors.push({ id, role: "EDITOR" });
  }
  return editors;
}

/** The published initiatives the editors fight over, created (through the engine) on the first run. */
export async function hotEntries(db: Database, editor: Actor, territory: string): Promise<HotEntry[]> {
  const entries: HotEntry[] = [];
  for (let n = 1; n <= HOT_ENTRIES; n++) {
    const title = `${HOT_TITLE} ${n}`;
    let row = await db.initiative.findFirst({ where: { title, deletedAt: null }, select: { id: true } });
    if (!row) {
      const values: FormValues = {
        ...emptyValues(initiatives.fields),
        title,
        summary: "Résumé initial, remplacé à chaque enregistrement du banc.",
        territories: [territory],
      };
      const outcome = await saveRecord(db, initiatives, editor, { values, comment: "Banc d'endurance" });
      if (outcome.kind !== "saved") throw new Error(`Initiative du banc non créée : ${JSON.stringify(outcome)}`);
      row = { id: outcome.id };
    }
    const meta = (await recordMeta(db, initiatives, row.id))!;
    if (meta.status !== "PUBLISHED") {
      const published = await transitionRecord(db, initiatives, editor, row.id, "publish", "Banc d'endurance");
      if (!published.ok) throw new Error(`Initiative du banc non publiée : ${published.message}`);
    }
    entries.push({ id: row.id, slug: meta.slug, startVersion: meta.version });
  }
  return entries;
}

/** Written into the summary: which entry, which version it makes, who saved it, unique per attempt. */
export function editMarker(entryId: number, version: number, editor: number, attempt: number): string {
  return `endurance-${entryId}-v${version}-e${editor}-n${attempt}`;
}

/** The highest version among the markers of `entryId` in a text (a page, a summary), 0 if none. */
export function latestMarkedVersion(text: string, entryId: number): number {
  let latest = 0;
  for (const match of text.matchAll(new RegExp(`endurance-${entryId}-v(\\d+)-`, "g"))) latest = Math.max(latest, Number(match[1]));
  return latest;
}

export interface EditAttempt {
  entryId: number;
  loadedVersion: number;
  marker: string;
  outcome: "saved" | "conflict" | "other";
  /** The version the save made, when saved. */
  savedVersion?: number;
  /** For "other": what the engine answered or threw. */
  detail?: string;
}

export interface EditOutcome {
  attempt: EditAttempt;
  /** The saved version was not on the entry's page (nor a later one) at the next read. */
  stale?: string;
}

let attemptCounter = 0;

/**
 * One editor's cycle: opens the form (values and version), reads the entry's page while
 * "editing" (the other editors go on meanwhile), saves, then reads the page again when saved:
 * it must show this version or a later one. `read` gives the page's text, null when the read
 * failed (an error counted elsewhere, not a stale page).
 */
export async function editOnce(
  db: Database,
  editor: Actor,
  entry: HotEntry,
  read: (slug: string) => Promise<string | null>,
): Promise<EditOutcome> {
  const meta = await recordMeta(db, initiatives, entry.id);
  const values = await initiatives.values(db, entry.id);
  if (!meta || !values) throw new Error(`Initiative du banc ${entry.id} introuvable.`);
  await read(entry.slug);
  const marker = editMarker(entry.id, meta.version + 1, editor.id, ++attemptCounter);
  const attempt: EditAttempt = { entryId: entry.id, loadedVersion: meta.version, marker, outcome: "other" };
  try {
    const outcome = await saveRecord(db, initiatives, editor, {
      id: entry.id,
      version: meta.version,
      values: { ...values, summary: `Résumé du banc d'endurance, ${marker}.` },
    });
    if (outcome.kind === "saved") Object.assign(attempt, { outcome: "saved", savedVersion: outcome.version });
    else if (outcome.kind === "conflict" && outcome.currentVersion > meta.version) attempt.outcome = "conflict";
    else attempt.detail = JSON.stringify(outcome).slice(0, 300);
  } catch (error) {
    attempt.detail = error instanceof Error ? error.message : String(error);
  }
  if (attempt.outcome !== "saved") return { attempt };
  const page = await read(entry.slug);
  if (page === null) return { attempt };
  const shown = latestMarkedVersion(page, entry.id);
  return {
    attempt,
    stale:
      shown < attempt.savedVersion!
        ? `${entry.slug} : version ${shown} affichée après l'enregistrement de la version ${attempt.savedVersion}`
        : undefined,
  };
}

export interface EditCheck {
  saved: number;
  conflicts: number;
  /** Each accepted edit missing from the history or the latest state, and each save nobody was told of. */
  lost: string[];
}

/**
 * Lost updates, from the database after the run: every accepted save must be the revision of
 * the version it made (one accepted save per version), the latest accepted one must be the
 * entry's current state, and no revision may appear that no editor was told had landed.
 */
export async function checkEdits(db: Database, entries: HotEntry[], attempts: EditAttempt[]): Promise<EditCheck> {
  const lost: string[] = [];
  for (const entry of entries) {
    const accepted = attempts.filter((a) => a.entryId === entry.id && a.outcome === "saved");
    const byVersion = new Map<number, EditAttempt>();
    for (const attempt of accepted) {
      const twin = byVersion.get(attempt.savedVersion!);
      if (twin)
        lost.push(
          `${entry.slug} : deux enregistrements acceptés pour la version ${attempt.savedVersion} (${twin.marker}, ${attempt.marker})`,
        );
      byVersion.set(attempt.savedVersion!, attempt);
    }
    const revisions = await db.revision.findMany({
      where: { entityType: initiatives.type, entityId: entry.id, version: { gt: entry.startVersion } },
      select: { version: true, snapshot: true },
    });
    const history = new Map(revisions.map((revision) => [revision.version, String((revision.snapshot as FormValues).summary ?? "")]));
    for (const attempt of accepted) {
      if (!history.get(attempt.savedVersion!)?.includes(attempt.marker))
        lost.push(`${entry.slug} : ${attempt.marker} absent de l'historique (version ${attempt.savedVersion})`);
    }
    for (const version of history.keys()) {
      if (!byVersion.has(version)) lost.push(`${entry.slug} : version ${version} dans l'historique sans enregistrement accepté`);
    }
    const last = accepted.reduce<EditAttempt | undefined>((top, a) => (top && top.savedVersion! > a.savedVersion! ? top : a), undefined);
    const row = await db.initiative.findUniqueOrThrow({ where: { id: entry.id }, select: { version: true, summary: true } });
    if (last && (row.version !== last.savedVersion || !row.summary.includes(last.marker))) {
      lost.push(`${entry.slug} : état actuel (version ${row.version}) ≠ dernier enregistrement accepté ${last.marker}`);
    }
  }
  return {
    saved: attempts.filter((a) => a.outcome === "saved").length,
    conflicts: attempts.filter((a) => a.outcome === "conflict").length,
    lost,
  };
}
