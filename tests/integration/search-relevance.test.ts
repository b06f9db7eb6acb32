import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateBenchData } from "@/bench/generate";
import { createPrismaClient } from "@/lib/db/connect";
import { loadDemoContent } from "@/lib/demo/load";
import { placeKey } from "@/lib/search/place-words";
import { parseSearchQuery } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import { makeInitiative } from "../support/factories";
import { testFilePool } from "../support/database";

// The relevance test set of issue 10: practitioners' queries as they type them (topic + place,
// names, field synonyms, hyphens, typos) over the demo content, a few more entries of the
// same kind, and 300 generated initiatives (bench/generate.ts) as noise. Each query names the
// entries that must come first and those that must never appear; the suite prints recall@5 and
// precision@5 and fails below the figures committed here.
// Two measures, both enforced. With the default scope (« tous ») a place word brings what lies in
// the place first, then what covers it (its EPCI, département, région: issue 10, item 2): the
// top 5 of a place query is then completed by covering entries, most of them generated noise that
// no one judged, so precision@5 is lower by design (0.366 when first measured). With « local »,
// the ranking alone is measured (0.925 and 0.563 when first measured, 4 queries out of order: a
// frequent generic word ranks generated entries that repeat it above the demo entry).
const RECALL_AT_5 = 0.92;
const PRECISION_AT_5 = { tous: 0.36, local: 0.55 } as const;
const MAX_OUT_OF_ORDER = 4;

const pool = testFilePool(2);
const db = createPrismaClient();

const CREIL = "60175";
const MONTATAIRE = "60414";
const NOGENT = "60463";
const AMIENS = "80021";

const AMBASSADEURS = "ambassadeurs-de-l-egalite-roubaix";
const KIFKIF = "permanences-ecoute-kif-kif";
const ACSO_PLAN = "plan-territorial-lutte-discriminations-acso";
const DEFENSEUR = "action-locale-du-defenseur-des-droits";
const CREIL_PERMANENCE = "permanence-juridique-creil";
const MONTATAIRE_TESTING = "testing-logement-montataire";
const NOGENT_TESTS = "tests-de-situation-nogent";
const ALLER_VERS = "aller-vers-hauts-de-creil";
const MEDIATION = "mediation-amiens";

interface Case {
  q: string;
  /** Must be in the first places, in any order (as many places as entries listed). */
  first: string[];
  /** More relevant entries, counted for recall and precision but not required first. */
  relevant?: string[];
  never?: string[];
}

const cases: Case[] = [
  // Topic + place, the home page's own example.
  { q: "discriminations Roubaix", first: [AMBASSADEURS], never: [ACSO_PLAN, KIFKIF] },
  { q: "Roubaix", first: [AMBASSADEURS], never: [ACSO_PLAN] },
  { q: "roubaix égalité", first: [AMBASSADEURS], never: [ACSO_PLAN] },
  { q: "quartiers prioritaires Roubaix", first: [AMBASSADEURS], never: [ACSO_PLAN] },
  { q: "accès au droit Creil", first: [CREIL_PERMANENCE], never: [AMBASSADEURS, MONTATAIRE_TESTING] },
  { q: "logement Montataire", first: [MONTATAIRE_TESTING], never: [NOGENT_TESTS, AMBASSADEURS] },
  { q: "Montataire", first: [MONTATAIRE_TESTING], never: [AMBASSADEURS, CREIL_PERMANENCE] },
  { q: "Creil", first: [CREIL_PERMANENCE, ALLER_VERS], never: [AMBASSADEURS, MONTATAIRE_TESTING] },
  { q: "médiation Amiens", first: [MEDIATION], never: [AMBASSADEURS] },
  { q: "testing Nogent-sur-Oise", first: [NOGENT_TESTS], never: [MONTATAIRE_TESTING] },
  { q: "testing nogent sur oise", first: [NOGENT_TESTS], never: [MONTATAIRE_TESTING] },
  { q: "tests de situation Montataire", first: [MONTATAIRE_TESTING], never: [NOGENT_TESTS] },
  { q: "kif kif lille", first: [KIFKIF], never: [AMBASSADEURS] },
  // Names as typed: hyphens, apostrophes, accents, acronyms.
  { q: "Kif-Kif", first: [KIFKIF], never: [AMBASSADEURS] },
  { q: "Kif Kif", first: [KIFKIF], never: [AMBASSADEURS] },
  { q: "KifKif", first: [KIFKIF], never: [AMBASSADEURS] },
  // One frequent word: generated entries repeating it rank higher; the demo entry must be found.
  { q: "l'égalité", first: [], relevant: [AMBASSADEURS], never: [MEDIATION] },
  { q: "egalite", first: [], relevant: [AMBASSADEURS], never: [MEDIATION] },
  { q: "Ambassadeurs de l’égalité", first: [AMBASSADEURS], never: [KIFKIF] },
  { q: "ACSO", first: [], relevant: [ACSO_PLAN, CREIL_PERMANENCE, MONTATAIRE_TESTING, NOGENT_TESTS, ALLER_VERS], never: [AMBASSADEURS] },
  { q: "plan territorial Creil Sud Oise", first: [ACSO_PLAN], never: [AMBASSADEURS] },
  { q: "Défenseur des droits", first: [DEFENSEUR], never: [MEDIATION] },
  { q: "defenseur droits", first: [DEFENSEUR], never: [MEDIATION] },
  { q: "délégués territoriaux", first: [DEFENSEUR], never: [AMBASSADEURS] },
  { q: "accompagnement psycho-social", first: [KIFKIF], never: [AMBASSADEURS] },
  { q: "aller-vers", first: [ALLER_VERS], never: [AMBASSADEURS] },
  { q: "aller vers", first: [ALLER_VERS], never: [AMBASSADEURS] },
  // Labels of the entry's approaches, themes, publics.
  { q: "pairs ambassadeurs", first: [AMBASSADEURS], never: [KIFKIF] },
  { q: "recueil de témoignages", first: [KIFKIF], never: [AMBASSADEURS] },
  { q: "formation des professionnels", first: [ACSO_PLAN], never: [KIFKIF] },
  { q: "pouvoir d'agir Roubaix", first: [AMBASSADEURS], never: [ACSO_PLAN] },
  // Field synonyms.
  { q: "testing", first: [MONTATAIRE_TESTING, NOGENT_TESTS], never: [AMBASSADEURS] },
  { q: "test de situation", first: [MONTATAIRE_TESTING, NOGENT_TESTS], never: [AMBASSADEURS] },
  { q: "lutte contre les discriminations", first: [ACSO_PLAN], never: [MEDIATION] },
  { q: "LCD Creil Sud Oise", first: [ACSO_PLAN], never: [AMBASSADEURS] },
  // Typos.
  { q: "discrimnation Creil", first: [CREIL_PERMANENCE], never: [AMBASSADEURS] },
  { q: "Roubais égalité", first: [AMBASSADEURS], never: [ACSO_PLAN] },
  { q: "ambasadeurs", first: [AMBASSADEURS], never: [KIFKIF] },
  { q: "temoignages psycho-social", first: [KIFKIF], never: [ACSO_PLAN] },
  { q: "médiaton sociale", first: [MEDIATION], never: [AMBASSADEURS] },
];

const nonsense = ["xyzzyq", "qwrtzp blorfkx", "zzzzzz wwwwww"];

const createInitiative = (slug: string, title: string, territory: string, approaches: string[], summary?: string) =>
  makeInitiative(db, { slug, title, summary, places: [territory], approaches });

const search = (params: Record<string, string>) => searchInitiatives(db, parseSearchQuery(params), { pageSize: 5 });

beforeAll(async () => {
  // Generated first: it empties the content tables, then the demo and fixtures take the next ids.
  // The demo loader only fills an empty base: it is told the base is empty.
  await generateBenchData(pool, { initiatives: 300 });
  const initiatives = new Proxy(db.initiative, { get: (target, key) => (key === "count" ? async () => 0 : Reflect.get(target, key)) });
  await loadDemoContent(new Proxy(db, { get: (target, key) => (key === "initiative" ? initiatives : Reflect.get(target, key)) }));
  await createInitiative(CREIL_PERMANENCE, "Une permanence juridique contre la discrimination à Creil", CREIL, ["acces-au-droit"]);
  await createInitiative(MONTATAIRE_TESTING, "Testing sur l'accès au logement à Montataire", MONTATAIRE, ["testing"]);
  await createInitiative(NOGENT_TESTS, "Des tests de situation à l'embauche à Nogent-sur-Oise", NOGENT, ["testing"]);
  await createInitiative(ALLER_VERS, "Une démarche d'aller-vers dans les Hauts de Creil", CREIL, ["acces-au-droit"]);
  await createInitiative(MEDIATION, "Médiation sociale à Amiens", AMIENS, ["mediation"]);
}, 180_000);

afterAll(async () => {
  await pool.end();
  await db.$disconnect();
});

describe("relevance test set", () => {
  for (const portee of ["tous", "local"] as const) {
    it(`${cases.length} practitioner queries (portee=${portee}): required entries first, excluded ones absent, recall@5 ≥ ${RECALL_AT_5}, precision@5 ≥ ${PRECISION_AT_5[portee]}`, async () => {
      expect(cases.length).toBeGreaterThanOrEqual(40);
      const failures: string[] = [];
      const forbidden: string[] = [];
      let recall = 0;
      let precision = 0;
      for (const item of cases) {
        const top = (await search({ q: item.q, portee })).items.map((hit) => hit.slug);
        const relevant = new Set([...item.first, ...(item.relevant ?? [])]);
        const found = top.filter((slug) => relevant.has(slug)).length;
        recall += found / Math.min(5, relevant.size);
        precision += top.length ? found / Math.min(top.length, relevant.size >= 5 ? 5 : Math.max(relevant.size, top.length)) : 0;
        const head = top.slice(0, item.first.length);
        if (!item.first.every((slug) => head.includes(slug)))
          failures.push(`« ${item.q} » : ${item.first.join(", ")} d'abord ; obtenu ${top.join(", ")}`);
        const full = (await searchInitiatives(db, parseSearchQuery({ q: item.q, portee }), { pageSize: 100 })).items.map((hit) => hit.slug);
        for (const slug of item.never ?? []) if (full.includes(slug)) forbidden.push(`« ${item.q} » ne doit pas trouver ${slug}`);
      }
      recall /= cases.length;
      precision /= cases.length;
      console.log(
        `search relevance (portee=${portee}): ${cases.length} queries, recall@5 = ${recall.toFixed(3)}, precision@5 = ${precision.toFixed(3)}`,
      );
      if (failures.length) console.log(failures.join("\n"));
      expect(forbidden).toEqual([]);
      expect(recall).toBeGreaterThanOrEqual(RECALL_AT_5);
      expect(precision).toBeGreaterThanOrEqual(PRECISION_AT_5[portee]);
      expect(failures.length).toBeLessThanOrEqual(MAX_OUT_OF_ORDER);
    }, 120_000);
  }

  it("nonsense queries stay empty", async () => {
    for (const q of nonsense) expect({ q, total: (await search({ q })).total }).toEqual({ q, total: 0 });
  });
});

describe("place words", () => {
  it("reads « Roubaix » as the place, says so, and keeps it as a word with interpreter=non", async () => {
    const read = await search({ q: "discriminations Roubaix" });
    expect(read.places).toEqual([{ words: "Roubaix", code: "59512", name: "Roubaix" }]);
    const kept = await search({ q: "discriminations Roubaix", interpreter: "non" });
    expect(kept.places).toEqual([]);
    expect(kept.items.map((hit) => hit.slug)).toContain(AMBASSADEURS);
  });

  it("takes the longest place name, and never part of a hyphenated word", async () => {
    expect((await search({ q: "testing Nogent-sur-Oise" })).places.map((p) => p.code)).toEqual([NOGENT]);
    expect((await search({ q: "plan Creil Sud Oise" })).places.map((p) => p.code)).toEqual(["200068047"]);
    expect((await search({ q: "Saint-Leu" })).places.map((p) => p.code)).not.toContain("60584");
  });

  it("keys typed words as SQL keys the territories' names and aliases", async () => {
    const rows = await db.territory.findMany({ select: { name: true, nameKey: true, aliases: true, aliasKeys: true } });
    expect(rows.length).toBeGreaterThan(3800);
    const differing = rows.flatMap((row) => [
      ...(placeKey(row.name) === row.nameKey ? [] : [`${row.name} → ${placeKey(row.name)} ≠ ${row.nameKey}`]),
      ...row.aliases.flatMap((alias, index) =>
        placeKey(alias) === row.aliasKeys[index] ? [] : [`${alias} → ${placeKey(alias)} ≠ ${row.aliasKeys[index]}`],
      ),
    ]);
    expect(differing).toEqual([]);
    expect((await search({ q: "testing St-Leu-d'Esserent" })).places.map((p) => p.code)).toEqual(["60584"]);
  });

  it("reads a name shared by communes as the most populous of them", async () => {
    // Dury: 02273 (Aisne, 191 inhabitants), 62280 (301), 80261 (Somme, 1,441).
    expect((await search({ q: "médiation Dury" })).places.map((p) => p.code)).toEqual(["80261"]);
  });

  it("a new alias of a place is read as that place at the next request", async () => {
    expect((await search({ q: "égalité Zorgville" })).places).toEqual([]);
    await db.territory.update({ where: { code: "59512" }, data: { aliases: { push: "Zorgville" } } });
    const read = await search({ q: "égalité Zorgville" });
    expect(read.places).toEqual([{ words: "Zorgville", code: "59512", name: "Roubaix" }]);
    expect(read.items.map((hit) => hit.slug)).toContain(AMBASSADEURS);
  });

  it("never fails on hostile input", async () => {
    for (const q of ["\u0000Roubaix", "%ff%fe Creil", "Roubaix ".repeat(2000), "' OR 1=1 --"]) {
      for (const interpreter of ["non", "%ff", "\u0000", "x".repeat(10_000)]) {
        expect((await search({ q, interpreter })).total).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("partial matches", () => {
  it("when all the words find nothing, shows what most of them find and names the dropped word", async () => {
    const result = await search({ q: "permanence juridique zorglubique" });
    expect(result.droppedWords).toEqual(["zorglubique"]);
    expect(result.items[0]?.slug).toBe(CREIL_PERMANENCE);
    expect((await search({ q: "permanence juridique" })).droppedWords).toBeUndefined();
  });
});

describe("labels and synonyms stay current", () => {
  it("a renamed label refreshes the documents in the renaming transaction", async () => {
    const approach = await db.approach.findUniqueOrThrow({ where: { slug: "pairs-ambassadeurs" } });
    const inside = await db.$transaction(async (tx) => {
      await tx.approach.update({ where: { id: approach.id }, data: { label: "Pairs zorglubiens" } });
      return tx.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM "InitiativeSearch" WHERE document @@ reperes_search_tsquery('zorglubiens')`;
    });
    const linked = await db.initiativeApproach.count({
      where: { approachId: approach.id, initiative: { status: "PUBLISHED", deletedAt: null } },
    });
    expect(inside[0]?.n).toBe(linked);
    expect((await searchInitiatives(db, parseSearchQuery({ q: "zorglubiens" }), { pageSize: 100 })).items.map((hit) => hit.slug)).toContain(
      AMBASSADEURS,
    );
    await db.approach.update({ where: { id: approach.id }, data: { label: approach.label } });
    expect((await search({ q: "zorglubiens" })).total).toBe(0);
  });

  it("a save that leaves the label as it was rewrites no document (the editor sends every field)", async () => {
    const approach = await db.approach.findUniqueOrThrow({ where: { slug: "pairs-ambassadeurs" } });
    const versions = () => db.$queryRaw<{ id: number; xmin: string }[]>`
      SELECT "initiativeId" AS id, xmin::text FROM "InitiativeSearch"
      WHERE "initiativeId" IN (SELECT "initiativeId" FROM "InitiativeApproach" WHERE "approachId" = ${approach.id}) ORDER BY 1`;
    const before = await versions();
    expect(before.length).toBeGreaterThan(0);
    await db.approach.update({
      where: { id: approach.id },
      data: { label: approach.label, slug: approach.slug, description: "Une autre définition." },
    });
    expect(await versions()).toEqual(before);
    await db.approach.update({ where: { id: approach.id }, data: { description: approach.description } });
  });

  it("a parent theme's new label reaches the initiatives of its sub-themes", async () => {
    const child = await db.theme.findFirstOrThrow({ where: { parentId: { not: null } } });
    const initiative = await db.initiative.findUniqueOrThrow({ where: { slug: MEDIATION } });
    await db.initiativeTheme.create({ data: { initiativeId: initiative.id, themeId: child.id } });
    const parent = await db.theme.findUniqueOrThrow({ where: { id: child.parentId! } });
    await db.theme.update({ where: { id: parent.id }, data: { label: "Thème zorglubesque" } });
    const found = await searchInitiatives(db, parseSearchQuery({ q: "zorglubesque" }), { pageSize: 500 });
    expect(found.items.map((hit) => hit.slug)).toContain(MEDIATION);
    await db.theme.update({ where: { id: parent.id }, data: { label: parent.label } });
  });

  it("a synonym group added by staff applies at the next search", async () => {
    expect((await search({ q: "maraude" })).total).toBe(0);
    const group = await db.searchSynonym.create({ data: { terms: ["aller-vers", "maraude"], source: "Test" } });
    expect((await search({ q: "maraude" })).items.map((hit) => hit.slug)).toEqual([ALLER_VERS]);
    await db.searchSynonym.update({ where: { id: group.id }, data: { deletedAt: new Date() } });
    expect((await search({ q: "maraude" })).total).toBe(0);
  });
});
