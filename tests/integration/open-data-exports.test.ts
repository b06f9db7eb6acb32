import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/initiatives/export.csv/route";
import { GET as exportJson } from "@/app/initiatives/export.json/route";
import { prisma } from "@/lib/db/client";
import { loadDemoContent } from "@/lib/demo/load";
import { closeCursorPool } from "@/lib/opendata/cursor";
import { csvColumns } from "@/lib/opendata/exports";
import { parseSearchQuery } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import { componentErrors } from "../support/openapi-contract";
import { makeActor, makeInitiative } from "../support/factories";

const ACSO = "200068047";
const tricky = {
  title: 'Égalité ; « guillemets » et "doubles" – œuvre à Creil',
  summary: 'Ligne une ;\nligne deux, avec "citation"\r\nligne trois : ça marche.',
  description: "=SOMME(A1:A3) n'est pas une formule ici",
};

let request = 0;
const get = (handler: (r: Request) => Promise<Response>, query = "") =>
  handler(new Request(`http://localhost/initiatives/export${query}`, { headers: { "x-forwarded-for": `198.51.100.${++request}` } }));

async function csvRows(query = ""): Promise<{ bytes: Uint8Array; rows: Record<string, string>[]; response: Response }> {
  const response = await get(exportCsv, query);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const rows = parse(Buffer.from(bytes), { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
  return { bytes, rows, response };
}

async function jsonExport(query = "") {
  return (await (await get(exportJson, query)).json()) as {
    metadata: { licence: { name: string } };
    initiatives: { slug: string }[];
    count: number;
  };
}

beforeAll(async () => {
  await loadDemoContent(prisma);
  const actor = await makeActor(prisma, { slug: "centre-social-test", name: "Centre social ; « Les Tilleuls »" });
  await makeInitiative(prisma, {
    slug: "initiative-piegee",
    title: tricky.title,
    summary: tricky.summary,
    places: ["60175", "60414"],
    actors: [{ actorId: actor.id, role: "LEAD" }],
    data: {
      description: tricky.description,
      contactName: "Personne Sans Consentement",
      contactEmail: "secret@example.org",
      contactConsent: false,
    },
  });
  await prisma.initiative.update({
    where: { slug: "ambassadeurs-de-l-egalite-roubaix" },
    data: { contactName: "Sami Benali", contactEmail: "sami@example.org", contactPhone: "03 20 00 00 00", contactConsent: true },
  });
  await makeInitiative(prisma, { slug: "brouillon-export", title: "Brouillon à Creil", status: "DRAFT", places: ["60175"] });
  await makeInitiative(prisma, { slug: "corbeille-export", title: "Corbeille à Creil", trashed: true, places: ["60175"] });
});

afterAll(() => closeCursorPool());

describe("CSV export", () => {
  it("is UTF-8 with a BOM, `;`-separated, a download named with the licence linked", async () => {
    const { bytes, response } = await csvRows();
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="reperes-initiatives-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("link")).toContain("licence-ouverte");
    const header = new TextDecoder().decode(bytes.slice(3)).split("\r\n")[0];
    expect(header).toBe(csvColumns.map((c) => c.header).join(";"));
  });

  it("parses back to the database's values, accents, semicolons, quotes and line breaks included", async () => {
    const { rows } = await csvRows();
    const published = await prisma.initiative.findMany({
      where: { status: "PUBLISHED", deletedAt: null },
      include: { territories: true },
    });
    expect(rows.map((r) => r.Identifiant).sort()).toEqual(published.map((i) => i.slug).sort());
    for (const initiative of published) {
      const row = rows.find((r) => r.Identifiant === initiative.slug)!;
      expect(row.Titre).toBe(initiative.title);
      expect(row["Résumé"]).toBe(initiative.summary);
      expect(row["Codes des territoires"]!.split(" | ").sort()).toEqual(initiative.territories.map((t) => t.territoryCode).sort());
      expect(row["Publiée le"]).toBe(initiative.publishedAt!.toISOString());
    }
    const piegee = rows.find((r) => r.Identifiant === "initiative-piegee")!;
    expect(piegee.Titre).toBe(tricky.title);
    expect(piegee["Résumé"]).toBe(tricky.summary);
    // A cell that a spreadsheet would run as a formula is neutralised by a leading quote.
    expect(piegee.Description).toBe(`'${tricky.description}`);
    expect(piegee.Porteurs).toBe("Centre social ; « Les Tilleuls »");
    expect(piegee.Territoires).toBe("Creil | Montataire");
  });

  it("never contains drafts, trashed entries, or contact details without consent", async () => {
    const { bytes, rows } = await csvRows();
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toContain("brouillon-export");
    expect(text).not.toContain("corbeille-export");
    expect(text).not.toContain("secret@example.org");
    expect(text).not.toContain("Personne Sans Consentement");
    const roubaix = rows.find((r) => r.Identifiant === "ambassadeurs-de-l-egalite-roubaix")!;
    expect(roubaix["Contact : courriel"]).toBe("sami@example.org");
    expect(roubaix["Contact : téléphone"]).toBe("03 20 00 00 00");
  });

  it("selects exactly the rows of the page with the same parameters, all pages", async () => {
    for (const query of [
      `territoire=${ACSO}`,
      "q=discriminations",
      "q=discrimnation",
      "approche=testing",
      "tri=titre",
      "territoire=60&page=2",
      "page=abc",
    ]) {
      const { rows } = await csvRows(`.csv?${query}`);
      const page = await searchInitiatives(prisma, { ...parseSearchQuery(new URLSearchParams(query)), page: 1 }, { pageSize: 1000 });
      expect(rows.map((r) => r.Identifiant)).toEqual(page.items.map((i) => i.slug));
    }
  });

  it("writes the header alone when nothing matches", async () => {
    const { rows, bytes } = await csvRows(".csv?q=zzzzqqqqxxxx");
    expect(rows).toEqual([]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(`${csvColumns.map((c) => c.header).join(";")}\r\n`);
  });
});

describe("JSON export", () => {
  it("carries the licence and the API's Initiative records", async () => {
    const body = await jsonExport(`.json?territoire=${ACSO}`);
    expect(body.metadata.licence.name).toContain("Licence Ouverte");
    expect(body.count).toBe(body.initiatives.length);
    expect(body.count).toBe((await searchInitiatives(prisma, parseSearchQuery({ territoire: ACSO }))).total);
    for (const record of body.initiatives) expect(componentErrors("Initiative", record)).toEqual([]);
  });

  it("never contains drafts, trashed entries, or contact details without consent", async () => {
    const body = await jsonExport();
    const text = JSON.stringify(body);
    expect(text).not.toContain("brouillon-export");
    expect(text).not.toContain("corbeille-export");
    expect(text).not.toContain("secret@example.org");
    expect(body.initiatives.find((i) => i.slug === "initiative-piegee")).toMatchObject({ contact: null, title: tricky.title });
  });
});
