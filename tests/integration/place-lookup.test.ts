import { describe, expect, it } from "vitest";
import { GET as getTerritories } from "@/app/api/v1/territoires/route";
import { createPrismaClient } from "@/lib/db/connect";
import { EPCI_ABBREVIATIONS } from "@/lib/reference/epci-abbreviations";
import { loadReferenceData, referenceFingerprint } from "@/lib/reference/load";
import { buildRegionReference } from "@/lib/reference/territories";
import { lookupPlaces } from "@/lib/territories/lookup";
import { contractErrors } from "../support/openapi-contract";

// The template database of every test file already holds the reference data (global setup).
const db = createPrismaClient();
const ROUBAIX = "59512";
const CREIL = "60175";
const LILLE = "59350";
const MEL = "200093201";
const ACSO = "200068047";

const codes = async (text: string, limit = 10) => (await lookupPlaces(db, text, { limit })).map((place) => place.code);

let client = 0;
async function api(query: string) {
  const url = new URL(`http://localhost/api/v1/territoires${query}`);
  const response = await getTerritories(new Request(url, { headers: { "x-forwarded-for": `203.0.113.${++client % 250}` } }));
  const body = await response.json();
  expect(contractErrors("/territoires", response.status, response.headers.get("content-type") ?? "", body)).toEqual([]);
  return { status: response.status, body };
}

describe("reference: populations, postcodes and abbreviations", () => {
  it("gives communes their postcodes and population, larger territories the sum of their communes", async () => {
    const roubaix = await db.territory.findUniqueOrThrow({ where: { code: ROUBAIX } });
    expect(roubaix.postcodes).toEqual(["59100"]);
    expect(roubaix.population).toBeGreaterThan(90_000);
    const acso = await db.territory.findUniqueOrThrow({ where: { code: ACSO } });
    const members = await db.territory.findMany({ where: { parents: { some: { parentCode: ACSO } }, kind: "COMMUNE" } });
    expect(acso.population).toBe(members.reduce((sum, m) => sum + (m.population ?? 0), 0));
    const region = await db.territory.findUniqueOrThrow({ where: { code: "32" } });
    const departements = await db.territory.findMany({ where: { kind: "DEPARTEMENT" } });
    expect(region.population).toBe(departements.reduce((sum, d) => sum + (d.population ?? 0), 0));
    expect((await db.territory.findFirstOrThrow({ where: { kind: "QPV" } })).population).toBeNull();
  });

  it("loads the sourced EPCI abbreviations as aliases, each with its source", async () => {
    for (const entry of EPCI_ABBREVIATIONS) {
      expect(entry.source.length).toBeGreaterThan(20);
      const epci = await db.territory.findUniqueOrThrow({ where: { code: entry.siren } });
      expect(epci.kind).toBe("EPCI");
      expect(epci.aliases).toEqual(expect.arrayContaining(entry.aliases));
    }
  });

  it("keeps aliases added by staff when the reference reloads, and fingerprints the new columns", async () => {
    await db.territory.update({ where: { code: MEL }, data: { aliases: ["Lille Métropole"] } });
    await loadReferenceData(db);
    const mel = await db.territory.findUniqueOrThrow({ where: { code: MEL } });
    expect(mel.aliases).toEqual(expect.arrayContaining(["Lille Métropole", "MEL"]));
    expect(mel.aliasKeys).toEqual(expect.arrayContaining(["lille metropole", "mel"]));
    expect(await codes("lille metropole")).toContain(MEL);

    const reference = buildRegionReference();
    const withoutPostcodes = { ...reference, territories: reference.territories.map((t) => ({ ...t, postcodes: [] })) };
    expect(referenceFingerprint(withoutPostcodes)).not.toBe(referenceFingerprint(reference));
  });
});

describe("place lookup", () => {
  it("reads a postcode as its communes, most populous first", async () => {
    expect((await codes("59100"))[0]).toBe(ROUBAIX);
    expect((await codes("60100"))[0]).toBe(CREIL);
    expect((await codes("59 100"))[0]).toBe(ROUBAIX);
    const [first] = await lookupPlaces(db, "59100");
    expect(first?.matchedBy).toBe("postcode");
  });

  it("finds official codes: INSEE, SIREN", async () => {
    expect(await codes("59512")).toEqual([ROUBAIX]);
    expect((await codes("200093201"))[0]).toBe(MEL);
  });

  it("puts abbreviations first: MEL, ACSO, CUD", async () => {
    expect((await codes("MEL"))[0]).toBe(MEL);
    expect((await codes("mel"))[0]).toBe(MEL);
    expect(await codes("ACSO")).toEqual([ACSO]);
    expect((await codes("cud"))[0]).toBe("245900428");
  });

  it("tolerates typos, accents, hyphens and apostrophes", async () => {
    expect((await codes("Roubeix"))[0]).toBe(ROUBAIX);
    expect((await codes("saint leu d esserent"))[0]).toBe("60584");
    expect((await codes("St-Leu-d'Esserent"))[0]).toBe("60584");
    expect((await codes("villeneuve dascq"))[0]).toBe("59009");
    expect((await codes("NOGENT SUR OISE"))[0]).toBe("60463");
  });

  it("puts the exact name first, then prefixes by population", async () => {
    const lille = await codes("Lille");
    expect(lille[0]).toBe(LILLE);
    expect(lille).toContain(MEL);
    expect((await codes("creil"))[0]).toBe(CREIL);
    expect((await codes("Amien"))[0]).toBe("80021");
    expect((await codes("oise"))[0]).toBe("60");
  });

  it("finds QPV by name", async () => {
    const [hauts] = await lookupPlaces(db, "hauts de creil");
    expect(hauts).toMatchObject({ kind: "QPV", name: "Les Hauts de Creil", departement: "Oise" });
    expect((await lookupPlaces(db, "Montupet"))[0]?.kind).toBe("QPV");
  });

  it("describes a match with its département", async () => {
    const [roubaix] = await lookupPlaces(db, "roubaix");
    expect(roubaix).toMatchObject({ code: ROUBAIX, kind: "COMMUNE", departement: "Nord", postcodes: ["59100"], matchedBy: "name" });
  });

  it("gives nothing for junk, without failing", async () => {
    for (const junk of ["\u0000", "a\u0000", "%ff", ")(*&", "x".repeat(10_000), "\uFFFD\uFFFD", "''", "zzqqxxww", " ", "1"]) {
      expect(await codes(junk)).toEqual([]);
    }
  });

  it("filters by kind", async () => {
    const communes = await lookupPlaces(db, "lille", { kinds: ["COMMUNE"] });
    expect(communes.every((place) => place.kind === "COMMUNE")).toBe(true);
    expect(communes.map((place) => place.code)).not.toContain(MEL);
  });
});

describe("/api/v1/territoires?q", () => {
  it("answers with the lookup's order, postcodes and population", async () => {
    const { status, body } = await api("?q=59100");
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ code: ROUBAIX, postcodes: ["59100"] });
    expect(body.items[0].population).toBeGreaterThan(90_000);
    expect((await api("?q=MEL")).body.items[0].code).toBe(MEL);
    expect((await api("?q=roubeix")).body.items[0].code).toBe(ROUBAIX);
    expect((await api("?q=acso&niveau=commune")).body.items).toEqual([]);
    expect((await api("?q=creil&niveau=epci")).body.items.map((t: { code: string }) => t.code)).toEqual([ACSO]);
  });

  it("answers junk with an empty list or a French 400, never a 500", async () => {
    for (const junk of ["%00%00", "%ff%fe", ")(*%26", "zzqqxxww"]) {
      const { status, body } = await api(`?q=${junk}`);
      expect(status).toBe(200);
      expect(body.items).toEqual([]);
    }
    const long = await api(`?q=${"x".repeat(10_000)}`);
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toMatch(/caractères|trop long|invalide/i);
  });
});
