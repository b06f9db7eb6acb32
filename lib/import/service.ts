import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import { AccessDenied } from "@/lib/auth/errors";
import { hasRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { createRecordIn, updateRecordIn } from "@/lib/editorial/engine";
import { initiativeDefinition } from "@/lib/editorial/entities/initiative";
import { emptyValues, type FormValues } from "@/lib/editorial/form-values";
import type { Actor } from "@/lib/editorial/permissions";
import { summaryFrom } from "@/lib/proposals/moderation";
import {
  guessField,
  headerKeyOf,
  IMPORT_FIELDS,
  importFieldByKey,
  splitList,
  storedMappingSchema,
  type ImportField,
  type Mapping,
  type mappingFormSchema,
} from "./fields";
import { loadMatcher, type Matcher } from "./matching";
import { readSheet, SHEET_MAX_BYTES, SHEET_TOO_LARGE, SheetError, type SheetLine } from "./sheet";

/**
 * Initiatives brought in from a spreadsheet (ADR 016): a file is read and kept as text cells,
 * its columns mapped to fields through a named template, checked line by line (the dry run,
 * which writes nothing), then imported in one transaction that creates drafts through the
 * editorial engine. Editors and admins only, checked here in every call.
 */
const DENIED = "L'import de tableurs est réservé aux éditeurs et administrateurs.";

function requireImporter(user: Actor): void {
  if (!hasRole(user.role, "EDITOR")) throw new AccessDenied(403, DENIED);
}

/** An unimported file is deleted after this long: its cells may hold contacts' names. */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;
/** A whole file in one transaction: longer than an editor's save. */
const IMPORT_TIMEOUT_MS = 120_000;

export type Outcome = { ok: true; message: string; id?: number } | { ok: false; message: string };

export type LineOutcome = "create" | "update" | "unchanged" | "kept" | "error";

export interface ReportLine {
  line: number;
  externalId: string;
  title: string;
  outcome: LineOutcome;
  /** Why a line is in error or kept, in French. */
  reasons: string[];
  /** Values that named nothing known, as « Field : « value » ». */
  unmatched: string[];
  initiativeId: number | null;
}

export interface ImportReport {
  lines: ReportLine[];
  counts: Record<LineOutcome, number>;
}

interface PlannedLine extends ReportLine {
  values: FormValues;
  input: unknown;
  hash: string;
  imported: { rowId: number; version: number } | null;
}

const countsOf = (lines: ReportLine[]): Record<LineOutcome, number> => {
  const counts = { create: 0, update: 0, unchanged: 0, kept: 0, error: 0 };
  for (const line of lines) counts[line.outcome]++;
  return counts;
};

const cleanFileName = (name: string) =>
  name
    .replace(/^.*[\\/]/, "")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .slice(0, 200) || "fichier";

/** Reads an uploaded file and keeps its cells, with the template of the same headers when there is one. */
export async function storeUpload(db: Database, user: Actor, file: File | null): Promise<Outcome> {
  requireImporter(user);
  if (!file || file.size === 0) return { ok: false, message: "Choisissez un fichier .csv ou .xlsx." };
  if (file.size > SHEET_MAX_BYTES) return { ok: false, message: SHEET_TOO_LARGE };
  let sheet;
  try {
    sheet = await readSheet(file.name, new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof SheetError) return { ok: false, message: error.message };
    throw error;
  }
  const template = await db.importTemplate.findFirst({
    where: { headerKey: headerKeyOf(sheet.headers) },
    orderBy: { updatedAt: "desc" },
    select: { id: true },
  });
  await db.importFile.deleteMany({ where: { importedAt: null, createdAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } } });
  const created = await db.importFile.create({
    data: {
      fileName: cleanFileName(file.name),
      headers: sheet.headers,
      rows: sheet.lines as unknown as Prisma.InputJsonValue,
      templateId: template?.id ?? null,
      uploadedById: user.id,
    },
  });
  return { ok: true, message: "Fichier lu.", id: created.id };
}

/** The templates and the latest files, for the import page. */
export async function listImports(user: Actor, db: Database = prisma) {
  requireImporter(user);
  const [templates, files] = await Promise.all([
    db.importTemplate.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, mapping: true, updatedAt: true, _count: { select: { rows: true } } },
    }),
    db.importFile.findMany({
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, fileName: true, createdAt: true, importedAt: true, template: { select: { name: true } } },
    }),
  ]);
  return { templates, files };
}

const mappingOf = (stored: Prisma.JsonValue): Mapping => storedMappingSchema.catch({}).parse(stored);

/**
 * One file as its page shows it: its columns with the field each feeds (the template's, or a
 * guess from the header), and the dry run once a template is chosen (the import's report once
 * imported).
 */
export async function getImport(user: Actor, id: number, db: Database = prisma) {
  requireImporter(user);
  const file = await db.importFile.findUnique({ where: { id }, include: { template: true } });
  if (!file) return null;
  const mapping = file.template ? mappingOf(file.template.mapping) : null;
  const lines = file.rows as unknown as SheetLine[];
  const columns = file.headers.map((header, index) => ({
    header,
    field: mapping ? (mapping[header] ?? "") : guessField(header),
    example: lines.find((line) => line.cells[index])?.cells[index] ?? "",
  }));
  const report = file.importedAt
    ? (file.report as unknown as ImportReport)
    : file.template
      ? reportOf(await planImport(db, file.headers, lines, file.template.id, mappingOf(file.template.mapping)))
      : null;
  return {
    id: file.id,
    fileName: file.fileName,
    createdAt: file.createdAt,
    importedAt: file.importedAt,
    lineCount: lines.length,
    template: file.template ? { id: file.template.id, name: file.template.name } : null,
    columns,
    report,
  };
}

export type ImportView = NonNullable<Awaited<ReturnType<typeof getImport>>>;

/** Saves the mapping as a named template (created or replaced) and gives it to the file. */
export async function saveMapping(db: Database, user: Actor, input: z.infer<typeof mappingFormSchema>, ip?: string): Promise<Outcome> {
  requireImporter(user);
  const file = await db.importFile.findUnique({ where: { id: input.id }, select: { headers: true, importedAt: true } });
  if (!file) return { ok: false, message: "Ce fichier n'existe plus : déposez-le à nouveau." };
  if (file.importedAt) return { ok: false, message: "Ce fichier est déjà importé." };
  if (input.columns.length !== file.headers.length) return { ok: false, message: "Les colonnes ont changé : rechargez la page." };
  const mapping: Mapping = Object.fromEntries(
    file.headers.flatMap((header, index) => (input.columns[index] ? [[header, input.columns[index]]] : [])),
  );
  await db.$transaction(async (tx) => {
    const data = { headerKey: headerKeyOf(file.headers), mapping };
    const template = await tx.importTemplate.upsert({
      where: { name: input.templateName },
      create: { name: input.templateName, ...data },
      update: data,
    });
    await tx.importFile.update({ where: { id: input.id }, data: { templateId: template.id } });
    await recordAudit(tx, { userId: user.id, action: "import.template_saved", details: { template: input.templateName }, ip });
  });
  return { ok: true, message: `Modèle « ${input.templateName} » enregistré.`, id: input.id };
}

const YES = new Set(["oui", "o", "x", "1", "vrai", "true", "yes"]);
const NO = new Set(["", "non", "n", "0", "faux", "false", "no"]);

/** A year from what a spreadsheet holds: 2021, 2021-03-05 (an XLSX date), 05/03/2021. Else as written, for the schema's message. */
function yearOf(cell: string): string {
  return /^(\d{4})-\d{2}-\d{2}$/.exec(cell)?.[1] ?? /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(cell)?.[1] ?? cell;
}

/** Fills one field of the draft from its cells; what names nothing known goes to `unmatched`. */
async function fill(field: ImportField, cells: string[], values: FormValues, matcher: Matcher, line: ReportLine): Promise<void> {
  const items = cells.flatMap(splitList);
  const unmatched = (value: string, hint = "") => line.unmatched.push(`${field.label} : « ${value} »${hint}`);
  switch (field.kind) {
    case "externalId":
      return;
    case "text":
      values[field.key] = cells.join("\n\n");
      return;
    case "year":
      values[field.key] = yearOf(cells[0] ?? "");
      return;
    case "boolean": {
      const answer = (cells[0] ?? "").toLowerCase();
      if (YES.has(answer)) values[field.key] = true;
      else if (!NO.has(answer)) line.reasons.push(`${field.label} : « ${cells[0]} » n'est ni « oui » ni « non ».`);
      return;
    }
    case "places":
      for (const item of items) {
        const place = await matcher.place(item);
        if ("code" in place) (values.territories as string[]).push(place.code);
        else unmatched(item, place.suggestion ? ` (vouliez-vous dire ${place.suggestion} ?)` : "");
      }
      return;
    case "vocabulary":
      for (const item of items) {
        const id = matcher.vocabulary(field.key, item);
        if (id === null) unmatched(item);
        else (values[field.key] as string[]).push(String(id));
      }
      return;
    case "actors":
      for (const item of items) {
        const id = matcher.actor(item);
        if (id === null) unmatched(item);
        else (values.actors as Array<Record<string, string>>).push({ actorId: String(id), role: field.role });
      }
  }
}

/** Every line checked against the database and the schema: what the import would do with it. Writes nothing. */
async function planImport(
  db: Database,
  headers: string[],
  lines: SheetLine[],
  templateId: number,
  mapping: Mapping,
): Promise<PlannedLine[]> {
  const matcher = await loadMatcher(db);
  // In the fields' order, so that a line's report reads in the same order whatever the file's.
  const fieldColumns = new Map<ImportField, number[]>();
  for (const field of IMPORT_FIELDS) {
    const columns = headers.flatMap((header, index) => (mapping[header] === field.key ? [index] : []));
    if (columns.length > 0) fieldColumns.set(field, columns);
  }
  const idColumn = fieldColumns.get(importFieldByKey.get("externalId")!)?.[0];
  const externalIds = lines.map((line) => (idColumn === undefined ? "" : (line.cells[idColumn] ?? "").trim()));
  const known = new Map(
    (
      await db.importedRow.findMany({
        where: { templateId, externalId: { in: externalIds.filter(Boolean) } },
        include: { initiative: { select: { version: true, status: true, deletedAt: true } } },
      })
    ).map((row) => [row.externalId, row]),
  );
  const firstLineOf = new Map<string, number>();
  const planned: PlannedLine[] = [];
  for (const [index, sheetLine] of lines.entries()) {
    const externalId = externalIds[index]!;
    const values = emptyValues(initiativeDefinition.fields);
    const cellsOf = (columns: number[]) => columns.map((column) => sheetLine.cells[column] ?? "").filter(Boolean);
    const hash = createHash("sha256")
      .update(JSON.stringify([...fieldColumns].map(([field, columns]) => [field.key, cellsOf(columns)]).sort()))
      .digest("hex");
    const line: PlannedLine = {
      line: sheetLine.line,
      externalId,
      title: "",
      outcome: "create",
      reasons: [],
      unmatched: [],
      initiativeId: null,
      values,
      input: null,
      hash,
      imported: null,
    };
    planned.push(line);
    for (const [field, columns] of fieldColumns) await fill(field, cellsOf(columns), values, matcher, line);
    line.title = String(values.title);
    if (!values.summary && values.description) values.summary = summaryFrom(String(values.description));

    if (!externalId) line.reasons.push("L'identifiant externe est vide.");
    else if (externalId.length > 200) line.reasons.push("L'identifiant externe dépasse 200 caractères.");
    else if (firstLineOf.has(externalId))
      line.reasons.push(`L'identifiant externe « ${externalId} » est déjà celui de la ligne ${firstLineOf.get(externalId)}.`);
    else firstLineOf.set(externalId, sheetLine.line);

    const previous = known.get(externalId);
    if (previous && line.reasons.length === 0) {
      line.initiativeId = previous.initiativeId;
      line.imported = { rowId: previous.id, version: previous.version };
      if (previous.contentHash === hash) {
        line.outcome = "unchanged";
        continue;
      }
      const initiative = previous.initiative;
      if (!initiative || initiative.deletedAt) {
        line.outcome = "kept";
        line.reasons.push("La fiche créée par l'import précédent est à la corbeille ou supprimée : elle n'est pas recréée.");
        continue;
      }
      if (initiative.version !== previous.version || initiative.status !== "DRAFT") {
        line.outcome = "kept";
        line.reasons.push("La ligne a changé, mais la fiche a été modifiée ou publiée depuis l'import : elle n'est pas écrasée.");
        continue;
      }
      line.outcome = "update";
    }
    const parsed = initiativeDefinition.schema.safeParse(values);
    if (parsed.success) line.input = parsed.data;
    else line.reasons.push(...parsed.error.issues.map((issue) => issue.message));
    if (line.reasons.length > 0) line.outcome = "error";
  }
  return planned;
}

const reportOf = (planned: PlannedLine[]): ImportReport => {
  const lines = planned.map(({ values: _v, input: _i, hash: _h, imported: _r, ...line }) => line);
  return { lines, counts: countsOf(lines) };
};

class ImportInterrupted extends Error {}

/**
 * Imports a file in one transaction: every new line a draft through the editorial engine (its
 * revision and journal event), every changed line whose draft nobody touched an update, each
 * recorded with its external identifier. A line in error, or any failure, leaves nothing written.
 */
export async function runImport(db: Database, user: Actor, id: number, ip?: string): Promise<Outcome> {
  requireImporter(user);
  const file = await db.importFile.findUnique({ where: { id }, include: { template: true } });
  if (!file) return { ok: false, message: "Ce fichier n'existe plus : déposez-le à nouveau." };
  if (file.importedAt) return { ok: false, message: "Ce fichier est déjà importé." };
  if (!file.template) return { ok: false, message: "Enregistrez d'abord la correspondance des colonnes." };
  const template = file.template;
  const planned = await planImport(db, file.headers, file.rows as unknown as SheetLine[], template.id, mappingOf(template.mapping));
  const counts = countsOf(planned);
  if (counts.error > 0)
    return {
      ok: false,
      message: `Rien n'a été importé : ${counts.error} ligne(s) en erreur. Corrigez le fichier, puis déposez-le à nouveau.`,
    };
  if (counts.create + counts.update === 0) return { ok: false, message: "Rien à importer : aucune ligne nouvelle ou modifiée." };

  const comment = (line: PlannedLine) => `Import de « ${file.fileName} », ligne ${line.line} (identifiant ${line.externalId})`;
  try {
    await db.$transaction(
      async (tx) => {
        const claimed = await tx.importFile.updateMany({ where: { id, importedAt: null }, data: { importedAt: new Date() } });
        if (claimed.count === 0) throw new ImportInterrupted("Ce fichier vient d'être importé par quelqu'un d'autre.");
        for (const line of planned) {
          if (line.outcome === "create") {
            line.initiativeId = await createRecordIn(
              tx,
              initiativeDefinition,
              user,
              line.input as never,
              { values: line.values, comment: comment(line) },
              ip,
            );
            await tx.importedRow.create({
              data: {
                templateId: template.id,
                externalId: line.externalId,
                initiativeId: line.initiativeId,
                contentHash: line.hash,
                version: 1,
              },
            });
          } else if (line.outcome === "update") {
            const version = await updateRecordIn(
              tx,
              initiativeDefinition,
              user,
              line.initiativeId!,
              line.imported!.version,
              line.input as never,
              { comment: comment(line) },
              ip,
            );
            if (version === null)
              throw new ImportInterrupted(`La fiche de la ligne ${line.line} vient d'être modifiée : relancez l'essai.`);
            await tx.importedRow.update({ where: { id: line.imported!.rowId }, data: { contentHash: line.hash, version } });
          }
        }
        const report = reportOf(planned);
        await tx.importFile.update({ where: { id }, data: { rows: [], report: report as unknown as Prisma.InputJsonValue } });
        await recordAudit(tx, {
          userId: user.id,
          action: "import.completed",
          details: { file: file.fileName, template: template.name, ...report.counts },
          ip,
        });
      },
      { timeout: IMPORT_TIMEOUT_MS },
    );
  } catch (error) {
    if (error instanceof ImportInterrupted) return { ok: false, message: `Rien n'a été importé : ${error.message}` };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, message: "Rien n'a été importé : un autre import des mêmes lignes vient d'avoir lieu. Rechargez la page." };
    throw error;
  }
  return { ok: true, message: `Import terminé : ${counts.create} brouillon(s) créé(s), ${counts.update} mis à jour.`, id };
}
