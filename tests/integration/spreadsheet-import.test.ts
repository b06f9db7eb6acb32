import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/connect";
import { saveRecord } from "@/lib/editorial/engine";
import { initiativeDefinition } from "@/lib/editorial/entities/initiative";
import type { Actor } from "@/lib/editorial/permissions";
import { mappingFormSchema } from "@/lib/import/fields";
import { getImport, listImports, runImport, saveMapping, storeUpload, type ImportReport } from "@/lib/import/service";
import { makeUser } from "../support/accounts";
import { makeActor } from "../support/factories";

// The import service on a real database: reading, mapping, matching, dry run, import, rollback,
// idempotence and who may use it. The parsing of files alone is in tests/unit/spreadsheet-sheet.test.ts.
const db = createPrismaClient();

let editor: Actor;
let contributor: Actor;
let approach: { id: number; label: string };
let theme: { id: number; label: string };
let qpv: { code: string; name: string };
let actorId: number;

const HEADERS = ["Réf", "Intitulé", "Présentation", "Lieux", "Approches", "Thèmes", "Porteur", "Début", "Colonne libre"];
const MAPPING = ["externalId", "title", "description", "territories", "approaches", "themes", "actorsLEAD", "startYear", ""];

const csvFile = (rows: string[][], name = "suivi.csv") =>
  new File([rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(";")).join("\r\n")], name, { type: "text/csv" });

/** A plausible line of IREV's follow-up sheet. */
const line = (ref: string, title: string, extra: Partial<Record<"places" | "approaches" | "themes" | "lead" | "start", string>> = {}) => [
  ref,
  title,
  `${title} : une action menée avec les habitants du quartier, racontée en quelques phrases pour le test.`,
  extra.places ?? "Roubaix",
  extra.approaches ?? "",
  extra.themes ?? "",
  extra.lead ?? "",
  extra.start ?? "2022",
  "à ignorer",
];

async function upload(rows: string[][], name?: string): Promise<number> {
  const outcome = await storeUpload(db, editor, csvFile([HEADERS, ...rows], name));
  expect(outcome).toMatchObject({ ok: true });
  return (outcome as { id: number }).id;
}

async function mapAs(id: number, templateName: string, columns = MAPPING) {
  const input = mappingFormSchema.parse({ id: String(id), templateName, columns });
  expect(await saveMapping(db, editor, input)).toMatchObject({ ok: true });
}

async function dryRun(id: number): Promise<ImportReport> {
  const view = await getImport(editor, id, db);
  return view!.report!;
}

const initiativesTitled = (prefix: string) =>
  db.initiative.findMany({
    where: { title: { startsWith: prefix } },
    orderBy: { title: "asc" },
    include: { territories: true, approaches: true, themes: true, actors: true },
  });

beforeAll(async () => {
  const toActor = (u: { id: number; role: Actor["role"] }): Actor => ({ id: u.id, role: u.role });
  editor = toActor(await makeUser(db, "EDITOR"));
  contributor = toActor(await makeUser(db, "CONTRIBUTOR"));
  approach = await db.approach.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: "asc" }, select: { id: true, label: true } });
  theme = await db.theme.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: "asc" }, select: { id: true, label: true } });
  qpv = await db.territory.findFirstOrThrow({ where: { kind: "QPV" }, orderBy: { code: "asc" }, select: { code: true, name: true } });
  actorId = (await makeActor(db, { slug: "centre-social-import", name: "Centre social Éole", data: { acronym: "CSE" } })).id;
  await db.searchSynonym.create({ data: { terms: ["sport collectif", theme.label], source: "Test d'import" } });
});

describe("mapping and matching", () => {
  it("reuses the template of a file with the same headers, in any order", async () => {
    const first = await upload([line("M-1", "Mappage premier")]);
    expect((await getImport(editor, first, db))!.template).toBeNull();
    await mapAs(first, "Suivi des actions");
    const reordered = await storeUpload(db, editor, csvFile([[...HEADERS].reverse(), [...line("M-2", "Mappage second")].reverse()]));
    const view = (await getImport(editor, (reordered as { id: number }).id, db))!;
    expect(view.template?.name).toBe("Suivi des actions");
    expect(view.columns.find((column) => column.header === "Intitulé")?.field).toBe("title");
    expect(view.report!.lines[0]).toMatchObject({ externalId: "M-2", title: "Mappage second", outcome: "create" });
  });

  it("refuses a mapping without an external identifier or a title", () => {
    const parsed = mappingFormSchema.safeParse({ id: "1", templateName: "Sans identifiant", columns: ["", "title", "description"] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.message)).toContain(
      "Choisissez une colonne, et une seule, pour l'identifiant externe.",
    );
  });

  it("matches vocabulary labels without case nor accents, field synonyms, actors, and places by name, code, postcode, alias and QPV", async () => {
    const id = await upload([
      line("V-1", "Correspondances reconnues", {
        places: `roubaix; 59512\n59100 | MEL; ${qpv.name}`,
        approaches: approach.label
          .toUpperCase()
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, ""),
        themes: "Sport  collectif",
        lead: "cse",
      }),
      line("V-2", "Correspondances manquées", { places: "Atlantide; Roubaiks", themes: "Astrologie", lead: "Inconnus associés" }),
    ]);
    await mapAs(id, "Correspondances");
    const [found, missed] = (await dryRun(id)).lines;
    expect(found).toMatchObject({ outcome: "create", unmatched: [], reasons: [] });
    expect(missed).toMatchObject({
      outcome: "create",
      unmatched: [
        "Territoires : « Atlantide »",
        "Territoires : « Roubaiks » (vouliez-vous dire Roubaix ?)",
        "Thèmes : « Astrologie »",
        "Acteurs : porteurs : « Inconnus associés »",
      ],
    });
    expect(await runImport(db, editor, id)).toMatchObject({ ok: true });
    const [created] = await initiativesTitled("Correspondances reconnues");
    const metropole = await db.territory.findFirstOrThrow({ where: { aliases: { has: "MEL" } }, select: { code: true } });
    expect(created!.territories.map((t) => t.territoryCode).sort()).toEqual(["59512", metropole.code, qpv.code].sort());
    expect(created!.approaches.map((a) => a.approachId)).toEqual([approach.id]);
    expect(created!.themes.map((t) => t.themeId)).toEqual([theme.id]);
    expect(created!.actors).toEqual([expect.objectContaining({ actorId, role: "LEAD" })]);
    expect(created).toMatchObject({ status: "DRAFT", startYear: 2022, createdById: editor.id });
    expect(created!.summary).toMatch(/^Correspondances reconnues : une action/);
  });
});

describe("dry run and import", () => {
  it("reports each line's errors in French, writes nothing, and refuses to import while one line is in error", async () => {
    const id = await upload([
      line("E-1", "Erreurs ligne valide"),
      line("", "Erreurs sans identifiant"),
      line("E-1", "Erreurs identifiant en double"),
      line("E-3", "Er", { start: "vers 2020" }),
    ]);
    await mapAs(id, "Erreurs");
    const before = await db.initiative.count();
    const report = await dryRun(id);
    expect(report.counts).toMatchObject({ create: 1, error: 3 });
    expect(report.lines.map((l) => [l.line, l.outcome])).toEqual([
      [2, "create"],
      [3, "error"],
      [4, "error"],
      [5, "error"],
    ]);
    expect(report.lines[1]!.reasons).toContain("L'identifiant externe est vide.");
    expect(report.lines[2]!.reasons).toContain("L'identifiant externe « E-1 » est déjà celui de la ligne 2.");
    expect(report.lines[3]!.reasons).toEqual([
      "Le titre doit contenir au moins 3 caractères.",
      "L'année de début doit être une année sur quatre chiffres (ex. 2023).",
    ]);
    expect(await runImport(db, editor, id)).toEqual({
      ok: false,
      message: expect.stringContaining("Rien n'a été importé : 3 ligne(s) en erreur"),
    });
    expect(await db.initiative.count()).toBe(before);
    expect(await db.importedRow.count({ where: { externalId: "E-1" } })).toBe(0);
  });

  it("creates drafts through the editorial engine, with their revision, their journal and the import's", async () => {
    const id = await upload([line("D-1", "Brouillon importé un"), line("D-2", "Brouillon importé deux")], "actions 2024.csv");
    await mapAs(id, "Brouillons");
    expect(await runImport(db, editor, id)).toMatchObject({ ok: true, message: "Import terminé : 2 brouillon(s) créé(s), 0 mis à jour." });
    const created = await initiativesTitled("Brouillon importé");
    expect(created.map((i) => i.status)).toEqual(["DRAFT", "DRAFT"]);
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "INITIATIVE", entityId: created[0]!.id } });
    expect(revision).toMatchObject({
      version: 1,
      authorId: editor.id,
      comment: expect.stringMatching(/^Import de « actions 2024.csv », ligne \d/),
    });
    expect(await db.auditEvent.count({ where: { action: "entity.created", entityId: { in: created.map((i) => String(i.id)) } } })).toBe(2);
    const journal = await db.auditEvent.findFirstOrThrow({ where: { action: "import.completed" }, orderBy: { id: "desc" } });
    expect(journal).toMatchObject({
      userId: editor.id,
      details: expect.objectContaining({ file: "actions 2024.csv", template: "Brouillons", create: 2 }),
    });
    // The cells are dropped once imported; the report stays.
    const file = await db.importFile.findUniqueOrThrow({ where: { id } });
    expect(file.rows).toEqual([]);
    expect((await getImport(editor, id, db))!.report!.lines.map((l) => l.outcome)).toEqual(["create", "create"]);
    expect(await runImport(db, editor, id)).toEqual({ ok: false, message: "Ce fichier est déjà importé." });
  });

  it("writes nothing when a line fails while being written: the whole file is one transaction", async () => {
    // A failure no dry run can foresee, raised by PostgreSQL on the second line's insert.
    await db.$executeRawUnsafe(`CREATE FUNCTION test_import_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'Annulation seconde' THEN RAISE EXCEPTION 'panne simulée'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_import_boom BEFORE INSERT ON "Initiative" FOR EACH ROW EXECUTE FUNCTION test_import_boom()`,
    );
    try {
      const id = await upload([line("R-1", "Annulation première"), line("R-2", "Annulation seconde")]);
      await mapAs(id, "Annulation");
      const journalBefore = await db.auditEvent.count();
      await expect(runImport(db, editor, id)).rejects.toThrow(/panne simulée/);
      expect(await initiativesTitled("Annulation")).toEqual([]);
      expect(await db.importedRow.count({ where: { externalId: { in: ["R-1", "R-2"] } } })).toBe(0);
      expect(await db.auditEvent.count()).toBe(journalBefore);
      expect(await db.importFile.findUniqueOrThrow({ where: { id } })).toMatchObject({ importedAt: null, report: null });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_import_boom ON "Initiative"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_import_boom()`);
    }
  });
});

describe("idempotence", () => {
  it("says « déjà importée » for every line of the same file imported again, and creates nothing", async () => {
    const rows = [line("I-1", "Idempotence une"), line("I-2", "Idempotence deux")];
    const first = await upload(rows);
    await mapAs(first, "Idempotence");
    expect(await runImport(db, editor, first)).toMatchObject({ ok: true });
    const again = await upload(rows);
    expect((await getImport(editor, again, db))!.template?.name).toBe("Idempotence");
    const report = await dryRun(again);
    expect(report.lines.map((l) => l.outcome)).toEqual(["unchanged", "unchanged"]);
    expect(await runImport(db, editor, again)).toEqual({ ok: false, message: "Rien à importer : aucune ligne nouvelle ou modifiée." });
    expect(await initiativesTitled("Idempotence")).toHaveLength(2);
  });

  it("updates an untouched draft from a changed line, and leaves one edited since alone", async () => {
    const first = await upload([line("C-1", "Changement intact"), line("C-2", "Changement retouché")]);
    await mapAs(first, "Changements");
    expect(await runImport(db, editor, first)).toMatchObject({ ok: true });
    const [, touched] = await initiativesTitled("Changement");
    const values = (await initiativeDefinition.values(db, touched!.id))!;
    expect(
      await saveRecord(db, initiativeDefinition, editor, { id: touched!.id, version: 1, values: { ...values, funding: "Ville" } }),
    ).toMatchObject({
      kind: "saved",
    });

    const second = await upload([
      line("C-1", "Changement intact", { start: "2023" }),
      line("C-2", "Changement retouché", { start: "2023" }),
    ]);
    const report = await dryRun(second);
    expect(report.lines.map((l) => l.outcome)).toEqual(["update", "kept"]);
    expect(report.lines[1]!.reasons).toEqual([
      "La ligne a changé, mais la fiche a été modifiée ou publiée depuis l'import : elle n'est pas écrasée.",
    ]);
    expect(await runImport(db, editor, second)).toMatchObject({ ok: true });
    const [intact, kept] = await initiativesTitled("Changement");
    expect(intact).toMatchObject({ startYear: 2023, version: 2 });
    expect(kept).toMatchObject({ startYear: 2022, version: 2, funding: "Ville" });
    // The update is remembered: the same file once more changes nothing.
    expect((await dryRun(await upload([line("C-1", "Changement intact", { start: "2023" })]))).lines[0]!.outcome).toBe("unchanged");
  });
});

describe("who may import", () => {
  it("refuses contributors every read and every change", async () => {
    const id = await upload([line("A-1", "Autorisation")]);
    const denied = expect.any(AccessDenied);
    await expect(storeUpload(db, contributor, csvFile([HEADERS, line("A-2", "Autorisation bis")]))).rejects.toEqual(denied);
    await expect(listImports(contributor, db)).rejects.toEqual(denied);
    await expect(getImport(contributor, id, db)).rejects.toEqual(denied);
    await expect(
      saveMapping(db, contributor, mappingFormSchema.parse({ id: String(id), templateName: "Intrus", columns: MAPPING })),
    ).rejects.toEqual(denied);
    await expect(runImport(db, contributor, id)).rejects.toEqual(denied);
    expect(await db.importTemplate.count({ where: { name: "Intrus" } })).toBe(0);
  });
});

describe("XLSX", () => {
  it("imports a workbook's first sheet, dates as years", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Actions");
    sheet.addRow(HEADERS);
    sheet.addRow([...line("X-1", "Classeur importé").slice(0, 7), new Date(Date.UTC(2021, 8, 1)), ""]);
    const bytes = await workbook.xlsx.writeBuffer();
    const outcome = await storeUpload(db, editor, new File([bytes as ArrayBuffer], "suivi.xlsx"));
    const id = (outcome as { id: number }).id;
    await mapAs(id, "Classeur");
    expect(await runImport(db, editor, id)).toMatchObject({ ok: true });
    expect(await initiativesTitled("Classeur importé")).toEqual([expect.objectContaining({ startYear: 2021, status: "DRAFT" })]);
  });
});
