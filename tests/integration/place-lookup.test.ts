import { describe, expect, it } from "vitest";
import { GET as getTerritories } from "@/app/api/v1/territoires/route";
import { createPrismaClient } from "@/lib/db/connect";
import { EPCI_ABBREVIATIONS } from "@/lib/reference/epci-abbreviations";
import { loadReferenceData, referenceFingerprint } from "@/lib/reference/load";
import { buildRegionReference } from "@/lib/reference/territories";
import { placeFacet } from "@/lib/public/place-facet";
import { parseSearchQuery } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
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

describe("the territory facet of /initiatives", () => {
  const facetCodes = async (params: string, expandTerritories: string[] = []) =>
    (await searchInitiatives(db, parseSearchQuery(new URLSearchParams(params)), { expandTerritories })).facets.territoire.map(
      (t) => t.value,
    );

  it("shows a chosen place with its ancestors, not its siblings", async () => {
    const shown = await facetCodes(`territoire=${ROUBAIX}`);
    expect(shown).toEqual(expect.arrayContaining([ROUBAIX, MEL, "59", "32", "60", "80"]));
    expect(shown).not.toContain(LILLE);
    expect(shown.length).toBeLessThan(12);
  });

  it("shows an EPCI's communes only when asked (« voir les communes »)", async () => {
    const mel = await facetCodes(`territoire=${MEL}`);
    expect(mel).not.toContain(ROUBAIX);
    const expanded = await facetCodes(`territoire=${MEL}`, [MEL]);
    expect(expanded).toEqual(expect.arrayContaining([ROUBAIX, LILLE]));
    expect(expanded.length).toBeGreaterThan(95);
  });

  it("turns the typed place into links that apply it, and offers the next level down of selected places", async () => {
    const found = await placeFacet("/initiatives", parseSearchQuery(new URLSearchParams("q=egalite")), { lieu: "59100" });
    expect(found.suggestions[0]).toMatchObject({ code: ROUBAIX, description: "commune, Nord, 59100" });
    expect(found.suggestions[0]?.href).toBe(`/initiatives?q=egalite&territoire=${ROUBAIX}`);

    const selected = await placeFacet("/initiatives", parseSearchQuery(new URLSearchParams(`territoire=${MEL}`)), {});
    expect(selected.expandLinks).toEqual([
      { href: `/initiatives?territoire=${MEL}&voir=${MEL}`, label: "Voir les communes de Métropole Européenne de Lille (95)" },
    ]);
    const open = await placeFacet("/initiatives", parseSearchQuery(new URLSearchParams(`territoire=${MEL}`)), {
      voir: [MEL, "%ff", "\u0000", "x".repeat(10_000)],
    });
    expect(open.expanded).toEqual([MEL]);
    expect(open.expandLinks[0]?.label).toBe("Masquer les communes de Métropole Européenne de Lille");
    // « voir » only applies to selected places.
    expect((await placeFacet("/initiatives", parseSearchQuery(new URLSearchParams("")), { voir: MEL })).expanded).toEqual([]);
  });

  it("says nothing was found for junk, never fails", async () => {
    for (const lieu of ["\u0000", "%ff", ")(*&", "x".repeat(10_000)]) {
      const facet = await placeFacet("/initiatives", parseSearchQuery(new URLSearchParams("")), { lieu });
      expect(facet.suggestions).toEqual([]);
    }
  });
});
