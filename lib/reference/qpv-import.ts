import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { formText } from "@/lib/validation/text";
import type { Database } from "@/lib/db/connect";
import { rebuildTerritoryClosure, type Progress } from "./load";
import { slugify } from "@/lib/format/fold";

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;

const rowSchema = z.object({
  code_qp: z
    .string({ error: "valeur manquante" })
    .trim()
    .regex(/^Q[A-Z0-9]{7,9}$/, "code QPV attendu au format QN0591234 (« QN » puis 7 caractères)"),
  nom_qp: formText("le nom", { required: "valeur manquante" }).trim().min(1, "nom du quartier manquant").max(300, "nom trop long"),
  commune_qp: z
    .string({ error: "valeur manquante" })
    .trim()
    .min(1, "commune manquante")
    .transform((value) =>
      value
        .split(/\s*[;,|]\s*/)
        .map((part) => part.trim())
        .filter(Boolean),
    ),
});

export interface QpvImportSummary {
  rows: number;
  imported: number;
  skippedOutsideReference: number;
  replacedProvisional: number;
}

function normalise(text: string) {
  return slugify(text);
}

/**
 * Imports the official QPV list (ANCT: code_qp, nom_qp, commune_qp, the commune given by INSEE
 * code or name, several separated by ";" or ","). Every row is checked before anything is
 * written, and the whole import is one transaction. QPV whose communes are not in the loaded
 * reference (another région) are skipped and counted. A provisional QPV of the same name in the
 * same commune (see ACSO_QPV) is replaced by the official one, its links moved over.
 */
export async function importQpvCsv(db: Database, csv: string, progress: Progress = () => {}): Promise<QpvImportSummary> {
  let records: Record<string, unknown>[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      delimiter: [";", ","],
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new ImportError(`Fichier CSV illisible : ${error instanceof Error ? error.message : String(error)}`);
  }
  if (records.length === 0) throw new ImportError("Le fichier ne contient aucune ligne de données.");
  const missing = ["code_qp", "nom_qp", "commune_qp"].filter((column) => !(column in records[0]!));
  if (missing.length > 0) throw new ImportError(`Colonne(s) manquante(s) : ${missing.join(", ")} (attendu : code_qp, nom_qp, commune_qp).`);
  // Line 1 is the header.
  return importQpvRecords(db, records, { progress, locate: (index) => `Ligne ${index + 2}` });
}

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export interface QpvRecordsOptions {
  progress?: Progress;
  /** Where record `index` (0-based) is in the file, for messages: "Ligne 3", "entité n°2". */
  locate: (index: number) => string;
  /** More writes in the same transaction (contours), given the QPV actually imported. */
  alsoInTransaction?: (tx: Tx, imported: { index: number; code: string }[]) => Promise<void>;
}

/**
 * Imports QPV attribute records (code_qp, nom_qp, commune_qp) from a CSV or the properties of a
 * GeoJSON file: every record is checked before anything is written, in one transaction.
 */
export async function importQpvRecords(
  db: Database,
  records: Record<string, unknown>[],
  options: QpvRecordsOptions,
): Promise<QpvImportSummary> {
  const { progress = () => {}, locate } = options;

  const communes = await db.territory.findMany({ where: { kind: "COMMUNE" }, select: { code: true, name: true } });
  const communeCodes = new Set(communes.map((c) => c.code));
  const byName = new Map<string, string[]>();
  for (const commune of communes) byName.set(normalise(commune.name), [...(byName.get(normalise(commune.name)) ?? []), commune.code]);

  const rows: { index: number; code: string; name: string; communes: string[] }[] = [];
  const seen = new Map<string, string>();
  let skippedOutsideReference = 0;
  records.forEach((record, index) => {
    const line = locate(index);
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportError(`${line}, champ ${String(issue.path[0])} : ${issue.message}. Rien n'a été importé.`);
    }
    const { code_qp: code, nom_qp: name, commune_qp: communeRefs } = parsed.data;
    if (seen.has(code))
      throw new ImportError(`${line}, champ code_qp : ${code} figure déjà (${seen.get(code)!.toLowerCase()}). Rien n'a été importé.`);
    seen.set(code, line);

    const resolved: string[] = [];
    let outside = false;
    for (const ref of communeRefs) {
      if (COMMUNE_CODE.test(ref)) {
        if (communeCodes.has(ref)) resolved.push(ref);
        else outside = true;
        continue;
      }
      const matches = byName.get(normalise(ref)) ?? [];
      if (matches.length > 1) {
        throw new ImportError(
          `${line}, champ commune_qp : « ${ref} » désigne plusieurs communes (${matches.join(", ")}) ; indiquez son code INSEE. Rien n'a été importé.`,
        );
      }
      if (matches.length === 1) resolved.push(matches[0]!);
      else outside = true;
    }
    if (resolved.length === 0) {
      skippedOutsideReference += 1;
      return;
    }
    if (outside && resolved.length < communeRefs.length)
      progress(`${line.toLowerCase()} : ${code} rattaché aux seules communes connues (${resolved.join(", ")})`);
    rows.push({ index, code, name, communes: resolved });
  });

  let replacedProvisional = 0;
  await db.$transaction(
    async (tx) => {
      for (let start = 0; start < rows.length; start += 500) {
        const batch = rows.slice(start, start + 500);
        await tx.$executeRawUnsafe(
          `INSERT INTO "Territory" (code, kind, name, official, "updatedAt")
           SELECT code, 'QPV', name, true, now() FROM unnest($1::text[], $2::text[]) AS q(code, name)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = 'QPV', official = true, "updatedAt" = now()`,
          batch.map((r) => r.code),
          batch.map((r) => r.name),
        );
        progress(`QPV : ${Math.min(start + 500, rows.length)} / ${rows.length}`);
      }
      const codes = rows.map((r) => r.code);
      // A QPV's communes are those of the latest list: replace its links, keep other parents.
      await tx.$executeRawUnsafe(
        `DELETE FROM "TerritoryParent" p USING "Territory" t
         WHERE p."childCode" = ANY($1::text[]) AND t.code = p."parentCode" AND t.kind = 'COMMUNE'`,
        codes,
      );
      const links = rows.flatMap((r) => r.communes.map((commune) => [r.code, commune] as const));
      await tx.$executeRawUnsafe(
        `INSERT INTO "TerritoryParent" ("childCode", "parentCode") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
        links.map(([child]) => child),
        links.map(([, parent]) => parent),
      );

      const provisional = await tx.territory.findMany({
        where: { kind: "QPV", official: false },
        select: { code: true, name: true, parents: { select: { parentCode: true } } },
      });
      for (const old of provisional) {
        const match = rows.find(
          (r) => normalise(r.name) === normalise(old.name) && old.parents.some((p) => r.communes.includes(p.parentCode)),
        );
        if (!match) continue;
        await tx.$executeRawUnsafe(
          `INSERT INTO "InitiativeTerritory" ("initiativeId", "territoryCode")
           SELECT "initiativeId", $2 FROM "InitiativeTerritory" WHERE "territoryCode" = $1 ON CONFLICT DO NOTHING`,
          old.code,
          match.code,
        );
        await tx.initiativeTerritory.deleteMany({ where: { territoryCode: old.code } });
        await tx.actor.updateMany({ where: { territoryCode: old.code }, data: { territoryCode: match.code } });
        await tx.territory.delete({ where: { code: old.code } });
        replacedProvisional += 1;
      }
      await rebuildTerritoryClosure(tx);
      await options.alsoInTransaction?.(
        tx,
        rows.map(({ index, code }) => ({ index, code })),
      );
    },
    { timeout: 120_000 },
  );

  return { rows: records.length, imported: rows.length, skippedOutsideReference, replacedProvisional };
}

export async function importQpvFile(db: Database, file: string, progress?: Progress) {
  let csv: string;
  try {
    csv = await readFile(file, "utf8");
  } catch (error) {
    throw new ImportError(`Impossible de lire ${file} : ${error instanceof Error ? error.message : String(error)}`);
  }
  return importQpvCsv(db, csv, progress);
}
