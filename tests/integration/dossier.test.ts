import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as exportCsv } from "@/app/dossier/export.csv/route";
import { GET as exportPdfGet, POST as exportPdf } from "@/app/dossier/export.pdf/route";
import { prisma } from "@/lib/db/client";
import { parseDossier } from "@/lib/dossier/entries";
import { DOSSIER_MAX_ENTRIES } from "@/lib/dossier/keys";
import { readDossier } from "@/lib/dossier/read";
import { makeInitiative, makeLesson, makeSource } from "../support/factories";
import { pdfText } from "../support/pdf-text";

let client = 0;
const headers = () => ({ "x-forwarded-for": `203.0.113.${++client}` });
const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://localhost${path}`, { method: "POST", headers: headers(), body: new URLSearchParams(fields) });
const get = (path: string) => new Request(`http://localhost${path}`, { headers: headers() });
const query = (params: Record<string, string>) => parseDossier((name) => params[name]);

const E = "l:lecon-dossier,i:jardin-partage,i:brouillon-dossier,i:inconnue,i:maison-projets";

beforeAll(async () => {
  const jardin = await makeInitiative(prisma, {
    slug: "jardin-partage",
    title: "Jardin partagé des Hauts",
    summary: "Un jardin tenu par les habitants.",
    data: { description: "Des parcelles pour chaque cage d’escalier." },
  });
  const source = await makeSource(prisma, { slug: "journee-jardins", title: "Journée régionale des jardins" });
  const hidden = await makeSource(prisma, { slug: "note-interne", title: "Note interne non publiée", status: "DRAFT" });
  await prisma.initiativeSource.create({ data: { initiativeId: jardin.id, sourceId: source.id } });
  await makeLesson(prisma, {
    slug: "lecon-dossier",
    title: "Associer les habitants dès le début",
    sourceId: source.id,
    initiatives: [jardin.id],
  });
  await makeLesson(prisma, { slug: "lecon-source-cachee", title: "Une leçon à la source cachée", sourceId: hidden.id });
  await makeLesson(prisma, { slug: "lecon-corbeille", title: "Leçon à la corbeille", trashed: true });
  await makeInitiative(prisma, { slug: "maison-projets", title: "Maison des projets" });
  await makeInitiative(prisma, { slug: "brouillon-dossier", title: "Brouillon secret du dossier", status: "DRAFT" });
});

describe("dossier query", () => {
  it("reads entries in order, once each, with their notes", () => {
    expect(query({ e: "i:b,l:a,i:b", "note:l:a": "  À lire avant le comité  " })).toEqual({
      ok: true,
      entries: [
        { kind: "initiative", slug: "b", note: "" },
        { kind: "lesson", slug: "a", note: "À lire avant le comité" },
      ],
    });
    expect(query({})).toEqual({ ok: true, entries: [] });
  });

  it("refuses malformed entries, too many entries and bad notes with a French message", () => {
    expect(query({ e: "x:nope" })).toEqual({ ok: false, message: expect.stringContaining("mal écrite") });
    expect(query({ e: "i:../etc" })).toMatchObject({ ok: false });
    const many = Array.from({ length: DOSSIER_MAX_ENTRIES + 1 }, (_, n) => `i:fiche-${n}`).join(",");
    expect(query({ e: many })).toEqual({ ok: false, message: `Un dossier compte au plus ${DOSSIER_MAX_ENTRIES} fiches.` });
    expect(query({ e: "i:a", "note:i:a": "bip\u0007" })).toEqual({ ok: false, message: expect.stringContaining("caractère invisible") });
    expect(query({ e: "i:a", "note:i:a": "x".repeat(2001) })).toEqual({ ok: false, message: expect.stringContaining("au plus 2000") });
  });
});

describe("dossier data", () => {
  it("keeps the order and shows only what the public may read", async () => {
    const parsed = query({ e: `${E},l:lecon-corbeille,l:lecon-source-cachee` });
    if (!parsed.ok) throw new Error(parsed.message);
    const items = await readDossier(prisma, parsed.entries);
    expect(items.map((item) => [item.slug, item.record?.title ?? null])).toEqual([
      ["lecon-dossier", "Associer les habitants dès le début"],
      ["jardin-partage", "Jardin partagé des Hauts"],
      ["brouillon-dossier", null],
      ["inconnue", null],
      ["maison-projets", "Maison des projets"],
      ["lecon-corbeille", null],
      ["lecon-source-cachee", "Une leçon à la source cachée"],
    ]);
    const lesson = items[0]!;
    expect(lesson.kind === "lesson" && lesson.record?.source?.title).toBe("Journée régionale des jardins");
    expect(lesson.kind === "lesson" && lesson.record?.initiatives).toEqual([
      { title: "Jardin partagé des Hauts", url: "http://localhost:3000/initiatives/jardin-partage" },
    ]);
    const hiddenSource = items[6]!;
    expect(hiddenSource.kind === "lesson" && hiddenSource.record?.source).toBeNull();
  });
});

describe("dossier exports", () => {
  it("CSV: one row per entry in order, the export's columns, the notes, unavailable entries named as such", async () => {
    const response = await exportCsv(
      post("/dossier/export.csv", { e: E, "note:i:jardin-partage": "Modèle pour le quartier Nord", "note:i:inconnue": "perdue" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="dossier-reperes-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    expect(text).not.toContain("Brouillon secret");
    const rows: Record<string, string>[] = parse(text.replace(/^\ufeff/, ""), { delimiter: ";", columns: true });
    expect(rows.map((row) => [row["Position"], row["Type"], row["Identifiant"], row["Titre"], row["Note"]])).toEqual([
      ["1", "enseignement", "lecon-dossier", "Associer les habitants dès le début", ""],
      ["2", "initiative", "jardin-partage", "Jardin partagé des Hauts", "Modèle pour le quartier Nord"],
      ["3", "initiative", "brouillon-dossier", "Fiche indisponible", ""],
      ["4", "initiative", "inconnue", "Fiche indisponible", "perdue"],
      ["5", "initiative", "maison-projets", "Maison des projets", ""],
    ]);
    expect(rows[0]!["Sources"]).toBe("Journée régionale des jardins");
    expect(rows[0]!["Niveau de preuve"]).not.toBe("");
    expect(rows[1]!["Résumé"]).toBe("Un jardin tenu par les habitants.");
    expect(rows[1]!["Sources"]).toBe("Journée régionale des jardins");
  });

  it("PDF: cover, contents in order, one sheet per public entry with its note, sources", async () => {
    const response = await exportPdf(post("/dossier/export.pdf", { e: E, "note:l:lecon-dossier": "À présenter au comité de pilotage" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain("Dossier Repères");
    expect(text).toMatch(/5 fiches/);
    const contents = text.slice(text.indexOf("Sommaire"));
    const order = [
      "1. Associer les habitants dès le début (enseignement)",
      "2. Jardin partagé des Hauts (initiative)",
      "3. Fiche indisponible (i:brouillon-dossier)",
      "5. Maison des projets (initiative)",
    ];
    const positions = order.map((line) => contents.indexOf(line));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain("Des parcelles pour chaque cage d’escalier.");
    expect(text).toContain("À présenter au comité de pilotage");
    expect(text.slice(text.lastIndexOf("Sources"))).toContain("Journée régionale des jardins (fiches 1, 2)");
    expect(text).not.toContain("Brouillon secret");
  });

  it("answers a malformed dossier with a French 400 page", async () => {
    const response = await exportPdfGet(get("/dossier/export.pdf?e=i:Pas%20bon"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Une fiche du dossier est mal écrite");
  });
});
