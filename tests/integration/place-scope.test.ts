import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getInitiatives } from "@/app/api/v1/initiatives/route";
import { GET as exportCsv } from "@/app/initiatives/export.csv/route";
import { GET as exportJson } from "@/app/initiatives/export.json/route";
import { GET as getFeed } from "@/app/initiatives/flux.xml/route";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { loadDemoContent } from "@/lib/demo/load";
import { countInitiativesByTerritory } from "@/lib/map/counts";
import { closeCursorPool } from "@/lib/opendata/cursor";
import { emptyQuery, parseSearchQuery, type SearchQuery } from "@/lib/search/query";
import { countByFacetValue } from "@/lib/search/facet-counts";
import { initiativeFilterSql } from "@/lib/search/filters-sql";
import { searchInitiatives } from "@/lib/search/service";
import { contractErrors } from "../support/openapi-contract";
import { makeInitiative } from "../support/factories";

/**
 * « What applies here »: a place brings what lies inside it (portee=local), what covers it from
 * its EPCI, département or région (portee=couvrant), or both, inside first (default). Demo content
 * (Roubaix, Lille, ACSO, the région) plus one initiative per level around Creil and Roubaix.
 */
const REGION = "32";
const NORD = "59";
const OISE = "60";
const MEL = "200093201";
const ACSO = "200068047";
const CREIL = "60175";
const MONTATAIRE = "60414";
const ROUBAIX = "59512";
const HAUTS_DE_CREIL = "QPV-60175-les-hauts-de-creil";

const DDD = "action-locale-du-defenseur-des-droits"; // région
const ACSO_PLAN = "plan-territorial-lutte-discriminations-acso"; // ACSO
const AMBASSADEURS = "ambassadeurs-de-l-egalite-roubaix"; // Roubaix
const KIF_KIF = "permanences-ecoute-kif-kif"; // Lille

async function create(
  slug: string,
  places: string[],
  options: { approaches?: string[]; status?: "DRAFT"; trashed?: boolean; daysAgo?: number } = {},
) {
  await makeInitiative(prisma, {
    slug,
    title: `Initiative ${slug.replace(/-/g, " ")}`,
    summary: "Une initiative contre les discriminations, pour le test de portée.",
    status: options.status,
    publishedAt: options.status ? null : new Date(Date.now() - (options.daysAgo ?? 0) * 86_400_000),
    trashed: options.trashed,
    places,
    approaches: options.approaches,
  });
}

beforeAll(async () => {
  await loadDemoContent(prisma);
  // Published long ago: the local tier comes first although the covering ones are more recent.
  await create("permanence-creil", [CREIL], { approaches: ["acces-au-droit"], daysAgo: 400 });
  await create("quartier-hauts-de-creil", [HAUTS_DE_CREIL], { daysAgo: 300 });
  await create("testing-montataire", [MONTATAIRE], { approaches: ["testing"] });
  await create("plan-oise", [OISE], { approaches: ["testing"] });
  await create("reseau-mel", [MEL]);
  await create("plan-nord", [NORD]);
  await create("brouillon-oise", [OISE], { status: "DRAFT" });
  await create("corbeille-region", [REGION], { trashed: true });
});

afterAll(async () => {
  await closeCursorPool();
});

const search = (params: string, pageSize = 100) => searchInitiatives(prisma, parseSearchQuery(new URLSearchParams(params)), { pageSize });
const slugs = async (params: string) => (await search(params)).items.map((item) => item.slug);
const sorted = (values: string[]) => [...values].sort();

describe("inside, covering, both: each level of the hierarchy", () => {
  it("a commune (Creil): its own and its QPV's entries, then ACSO's plan, the Oise's and the région's; never Montataire's", async () => {
    const result = await search(`territoire=${CREIL}`);
    const order = result.items.map((item) => item.slug);
    expect(sorted(order.slice(0, 2))).toEqual(["permanence-creil", "quartier-hauts-de-creil"]);
    expect(sorted(order.slice(2))).toEqual(sorted([ACSO_PLAN, "plan-oise", DDD]));
    expect(result.placeCounts).toEqual({ local: 2, covering: 3 });
    expect(result.total).toBe(5);
    expect(order).not.toContain("testing-montataire");
    const scales = Object.fromEntries(result.items.map((item) => [item.slug, item.scale]));
    expect(scales).toMatchObject({
      "permanence-creil": undefined,
      [ACSO_PLAN]: "à l'échelle de l'agglomération",
      "plan-oise": "à l'échelle du département",
      [DDD]: "à l'échelle de la région",
    });
    expect(sorted(await slugs(`territoire=${CREIL}&portee=local`))).toEqual(["permanence-creil", "quartier-hauts-de-creil"]);
    expect(sorted(await slugs(`territoire=${CREIL}&portee=couvrant`))).toEqual(sorted([ACSO_PLAN, "plan-oise", DDD]));
  });

  it("a QPV (Les Hauts de Creil) is covered by Creil, ACSO, the Oise and the région", async () => {
    const result = await search(`territoire=${HAUTS_DE_CREIL}`);
    expect(result.items[0]?.slug).toBe("quartier-hauts-de-creil");
    expect(sorted(await slugs(`territoire=${HAUTS_DE_CREIL}&portee=couvrant`))).toEqual(
      sorted(["permanence-creil", ACSO_PLAN, "plan-oise", DDD]),
    );
    expect(result.items.find((item) => item.slug === "permanence-creil")?.scale).toBe("à l'échelle de la commune");
  });

  it("Roubaix (inside the MEL): the MEL, the Nord and the région cover it; never ACSO's plan nor Lille's entry", async () => {
    const result = await search(`territoire=${ROUBAIX}`);
    const order = result.items.map((item) => item.slug);
    expect(order[0]).toBe(AMBASSADEURS);
    expect(sorted(order.slice(1))).toEqual(sorted(["reseau-mel", "plan-nord", DDD]));
    expect(order).not.toContain(ACSO_PLAN);
    expect(order).not.toContain(KIF_KIF);
    expect(result.items.find((item) => item.slug === "reseau-mel")?.scale).toBe("à l'échelle de la métropole");
  });

  it("an EPCI (ACSO): its communes' entries and its own, then the Oise's and the région's; never the MEL's", async () => {
    const result = await search(`territoire=${ACSO}`);
    expect(result.placeCounts).toEqual({ local: 4, covering: 2 });
    expect(sorted(result.items.slice(0, 4).map((item) => item.slug))).toEqual(
      sorted([ACSO_PLAN, "permanence-creil", "quartier-hauts-de-creil", "testing-montataire"]),
    );
    expect(sorted(result.items.slice(4).map((item) => item.slug))).toEqual(sorted(["plan-oise", DDD]));
  });

  it("a département (Oise): everything inside it, then the région; never the Nord's", async () => {
    const result = await search(`territoire=${OISE}`);
    expect(result.placeCounts).toEqual({ local: 5, covering: 1 });
    expect(result.items.at(-1)?.slug).toBe(DDD);
    expect(result.items.map((item) => item.slug)).not.toContain("plan-nord");
  });

  it("the région: everything lies inside it, nothing covers it", async () => {
    const result = await search(`territoire=${REGION}`);
    expect(result.placeCounts).toEqual({ local: 10, covering: 0 });
    expect(await slugs(`territoire=${REGION}&portee=couvrant`)).toEqual([]);
  });

  it("drafts and trashed entries are never brought by a place", async () => {
    for (const params of [`territoire=${CREIL}`, `territoire=${OISE}&portee=local`, `territoire=${ROUBAIX}&portee=couvrant`]) {
      const found = await slugs(params);
      expect(found).not.toContain("brouillon-oise");
      expect(found).not.toContain("corbeille-region");
    }
  });

  it("several places: OR of each, inside any first, and a place's entries are not « covering » the other", async () => {
    const result = await search(`territoire=${ROUBAIX}&territoire=${CREIL}`);
    expect(result.placeCounts).toEqual({ local: 3, covering: 5 });
    expect(sorted(result.items.slice(0, 3).map((item) => item.slug))).toEqual(
      sorted([AMBASSADEURS, "permanence-creil", "quartier-hauts-de-creil"]),
    );
    // Inside the MEL: the MEL's own entry is local, Roubaix's too; Lille's entry is found as inside the MEL.
    const mel = await search(`territoire=${MEL}&territoire=${ROUBAIX}`);
    expect(mel.placeCounts).toEqual({ local: 3, covering: 2 });
  });
});

describe("order, pages and other filters", () => {
  it("keeps the tiers with every sort, and pages through them without loss nor repeat", async () => {
    for (const tri of ["recent", "titre", "pertinence"]) {
      const all = await slugs(`territoire=${CREIL}&tri=${tri}&q=discriminations`);
      expect(all.slice(0, 2).every((slug) => ["permanence-creil", "quartier-hauts-de-creil"].includes(slug))).toBe(true);
      const paged: string[] = [];
      for (let page = 1; page <= 3; page++)
        paged.push(...(await search(`territoire=${CREIL}&tri=${tri}&q=discriminations&page=${page}`, 2)).items.map((i) => i.slug));
      expect(paged).toEqual(all);
    }
  });

  it("combines with other filters", async () => {
    expect(await slugs(`territoire=${CREIL}&approche=testing`)).toEqual(["plan-oise"]);
    expect(await slugs(`territoire=${CREIL}&approche=testing&portee=local`)).toEqual([]);
    expect((await search(`territoire=${CREIL}&approche=testing&portee=local`)).placeCounts).toEqual({ local: 0, covering: 1 });
  });

  it("facet counts are what choosing each value would find, under each scope", async () => {
    const count = async (query: SearchQuery) =>
      (
        await prisma.$queryRaw<{ n: number }[]>(
          Prisma.sql`SELECT count(*)::int AS n FROM "InitiativeSearch" s WHERE ${initiativeFilterSql(query)}`,
        )
      )[0]!.n;
    for (const portee of ["tous", "local", "couvrant"]) {
      const query = parseSearchQuery(new URLSearchParams(`territoire=${CREIL}&approche=testing&portee=${portee}`));
      const result = await searchInitiatives(prisma, query);
      expect(result.total).toBe(await count(query));
      for (const value of result.facets.territoire) {
        expect({ portee, value: value.value, count: value.count }).toEqual({
          portee,
          value: value.value,
          count: await count({ ...query, territoire: [value.value] }),
        });
      }
      for (const value of result.facets.approche) {
        expect({ portee, value: value.value, count: value.count }).toEqual({
          portee,
          value: value.value,
          count: await count({ ...query, approche: [value.value] }),
        });
      }
    }
  });

  it("a territory with nothing inside it still counts what covers it", async () => {
    const counts = await countByFacetValue(prisma, emptyQuery, "territoire", [MONTATAIRE, "80", ROUBAIX]);
    // Montataire: its own, ACSO, Oise, région; the Somme: the région only.
    expect(Object.fromEntries(counts)).toEqual({ [MONTATAIRE]: 4, "80": 1, [ROUBAIX]: 4 });
    const local = await countByFacetValue(prisma, { ...emptyQuery, portee: "local" }, "territoire", [MONTATAIRE, "80"]);
    expect(Object.fromEntries(local)).toEqual({ [MONTATAIRE]: 1, "80": 0 });
  });
});

describe("the URL parameter", () => {
  it("hostile values fall back to the default on pages, exports and feeds", async () => {
    for (const value of ["%00", "\u0000", "%ff%fe", "x".repeat(10_000), "LOCAL", "local\u0000", "couvrant'--"]) {
      const params = `territoire=${CREIL}&portee=${encodeURIComponent(value)}`;
      const query = parseSearchQuery(new URLSearchParams(params));
      expect(query.portee).toBe("tous");
      expect((await search(params)).total).toBe(5);
    }
    const raw = `territoire=${CREIL}&portee=%ff%00`;
    expect((await feed(raw)).status).toBe(200);
    expect((await get(exportJson, raw)).status).toBe(200);
  });
});

let client = 0;
const headers = () => ({ "x-forwarded-for": `198.51.100.${++client % 250}` });
const get = (handler: (r: Request) => Promise<Response>, query: string) =>
  handler(new Request(`http://localhost/initiatives/export?${query}`, { headers: headers() }));
const feed = (query: string) => getFeed(new Request(`http://localhost/initiatives/flux.xml?${query}`, { headers: headers() }));

async function api(query: string) {
  const response = await getInitiatives(new Request(`http://localhost/api/v1/initiatives?${query}`, { headers: headers() }));
  const body = await response.json();
  expect(contractErrors("/initiatives", response.status, response.headers.get("content-type") ?? "", body)).toEqual([]);
  return { status: response.status, body };
}

describe("the same rule in the API, exports, feeds and map", () => {
  it("API: documented portee, scale and counts; a bad value is a 400 in French", async () => {
    const both = await api(`territoire=${CREIL}&par_page=100`);
    expect(both.status).toBe(200);
    expect(both.body.placeCounts).toEqual({ local: 2, covering: 3 });
    expect(both.body.items.map((i: { slug: string }) => i.slug)).toEqual(await slugs(`territoire=${CREIL}`));
    expect(both.body.items.find((i: { slug: string }) => i.slug === DDD).scale).toBe("à l'échelle de la région");
    expect(both.body.items.find((i: { slug: string }) => i.slug === "permanence-creil").scale).toBeNull();
    const local = await api(`territoire=${ROUBAIX}&portee=local`);
    expect(local.body.items.map((i: { slug: string }) => i.slug)).toEqual([AMBASSADEURS]);
    const covering = await api(`territoire=${ROUBAIX}&portee=couvrant`);
    expect(sorted(covering.body.items.map((i: { slug: string }) => i.slug))).toEqual(sorted(["reseau-mel", "plan-nord", DDD]));
    for (const value of ["partout", "%00", "%ff", "x".repeat(10_000)]) {
      const bad = await api(`territoire=${CREIL}&portee=${value}`);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(/Valeur invalide pour le paramètre « portee »/);
    }
    expect((await api("portee=local")).body.placeCounts).toBeNull();
  });

  it("exports: the same entries in the same order", async () => {
    for (const params of [
      `territoire=${CREIL}`,
      `territoire=${CREIL}&portee=couvrant`,
      `territoire=${ROUBAIX}&portee=local`,
      `territoire=${ACSO}&tri=titre`,
    ]) {
      const expected = await slugs(params);
      const json = (await (await get(exportJson, params)).json()) as { initiatives: { slug: string }[] };
      expect(json.initiatives.map((i) => i.slug)).toEqual(expected);
      const rows = parse(Buffer.from(await (await get(exportCsv, params)).arrayBuffer()), {
        bom: true,
        delimiter: ";",
        columns: true,
      }) as Record<string, string>[];
      expect(rows.map((row) => row.Identifiant)).toEqual(expected);
    }
  });

  it("feeds: covering entries come with their scale, siblings never", async () => {
    const response = await feed(`territoire=${ROUBAIX}`);
    const xml = await response.text();
    expect(xml).toContain("/initiatives/reseau-mel");
    expect(xml).toMatch(/À l(&apos;|&#39;|')échelle de la métropole/);
    expect(xml).not.toContain(ACSO_PLAN);
    expect(await (await feed(`territoire=${ROUBAIX}&portee=local`)).text()).not.toContain("reseau-mel");
  });

  it("map: a territory's figure counts what lies inside it, among the entries the scope brings", async () => {
    const both = await countInitiativesByTerritory(prisma, parseSearchQuery(new URLSearchParams(`territoire=${CREIL}`)), "EPCI");
    expect(both.total).toBe(5);
    expect(Object.fromEntries(both.byTerritory)).toEqual({ [ACSO]: 3 });
    const local = await countInitiativesByTerritory(
      prisma,
      parseSearchQuery(new URLSearchParams(`territoire=${CREIL}&portee=local`)),
      "COMMUNE",
      ACSO,
    );
    expect(Object.fromEntries(local.byTerritory)).toEqual({ [CREIL]: 2 });
    const covering = await countInitiativesByTerritory(
      prisma,
      parseSearchQuery(new URLSearchParams(`territoire=${ROUBAIX}&portee=couvrant`)),
      "EPCI",
    );
    expect(covering.total).toBe(3);
    expect(Object.fromEntries(covering.byTerritory)).toEqual({ [MEL]: 1 });
  });
});
