import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { loadDemoContent } from "@/lib/demo/load";
import { findTerritories } from "@/lib/public/search";
import { emptyQuery, FILTER_KEYS, parseSearchQuery, type SearchQuery } from "@/lib/search/query";
import { countByFacetValue } from "@/lib/search/facet-counts";
import { initiativeFilterSql } from "@/lib/search/filters-sql";
import { searchInitiatives } from "@/lib/search/service";
import { parseWordTree } from "@/lib/search/tsquery";

const db = createPrismaClient();
const ACSO = "200068047";
const CREIL = "60175";
const MONTATAIRE = "60414";
const ROUBAIX = "59512";

const search = (params: string, pageSize?: number) => searchInitiatives(db, parseSearchQuery(new URLSearchParams(params)), { pageSize });
const slugs = async (params: string) => (await search(params, 100)).items.map((item) => item.slug).sort();

async function createInitiative(data: {
  slug: string;
  title: string;
  summary?: string;
  territories: string[];
  approaches?: string[];
  status?: "PUBLISHED" | "DRAFT";
  deletedAt?: Date;
  startYear?: number;
  ongoing?: boolean;
}) {
  const approaches = await db.approach.findMany({ where: { slug: { in: data.approaches ?? [] } } });
  return db.initiative.create({
    data: {
      slug: data.slug,
      title: data.title,
      summary: data.summary ?? "Une initiative de test.",
      status: data.status ?? "PUBLISHED",
      publishedAt: data.status === "DRAFT" ? null : new Date(),
      deletedAt: data.deletedAt,
      startYear: data.startYear,
      ongoing: data.ongoing ?? false,
      territories: { create: data.territories.map((territoryCode) => ({ territoryCode })) },
      approaches: { create: approaches.map((a) => ({ approachId: a.id })) },
    },
  });
}

beforeAll(async () => {
  await loadDemoContent(db);
  await createInitiative({
    slug: "permanence-juridique-creil",
    title: "Une permanence juridique contre la discrimination à Creil",
    territories: [CREIL],
    approaches: ["acces-au-droit"],
    startYear: 2022,
  });
  await createInitiative({
    slug: "testing-logement-montataire",
    title: "Testing sur l'accès au logement à Montataire",
    territories: [MONTATAIRE],
    approaches: ["testing"],
    startYear: 2019,
  });
  await createInitiative({ slug: "brouillon-roubaix", title: "Brouillon sur l'égalité à Roubaix", territories: [ROUBAIX], status: "DRAFT" });
  await createInitiative({ slug: "corbeille-roubaix", title: "Égalité à Roubaix, mise à la corbeille", territories: [ROUBAIX], deletedAt: new Date() });
});

describe("full-text search in French", () => {
  it("stems: « discriminations » finds a title saying « discrimination »", async () => {
    expect(await slugs("q=discriminations")).toContain("permanence-juridique-creil");
  });

  it("ignores accents and case", async () => {
    expect(await slugs("q=egalite")).toContain("ambassadeurs-de-l-egalite-roubaix");
    expect(await slugs("q=ROUBAIX")).toContain("ambassadeurs-de-l-egalite-roubaix");
    expect(await slugs("q=%C3%A9galit%C3%A9s")).toContain("ambassadeurs-de-l-egalite-roubaix");
  });

  it("covers the names of actors and territories", async () => {
    expect(await slugs("q=ACSO")).toContain("plan-territorial-lutte-discriminations-acso");
    expect(await slugs("q=Kif")).toContain("permanences-ecoute-kif-kif");
  });

  it("tolerates small typos when the exact search finds little, and says so", async () => {
    const result = await search("q=discrimnation");
    expect(result.correctedQuery).toMatch(/^discrimination/);
    expect(result.items.map((i) => i.slug)).toContain("permanence-juridique-creil");
    expect(await slugs("q=Roubais")).toContain("ambassadeurs-de-l-egalite-roubaix");
    expect((await search("q=egalite")).correctedQuery).toBeUndefined();
  });

  it("ranks a title match above a body match and highlights the words as text segments", async () => {
    const result = await search("q=testing");
    expect(result.items[0]?.slug).toBe("testing-logement-montataire");
    expect(result.items[0]?.titleSegments).toContainEqual({ text: "Testing", highlighted: true });
    const egalite = (await search("q=egalite")).items.find((i) => i.slug === "ambassadeurs-de-l-egalite-roubaix");
    expect(egalite?.excerpt.some((s) => s.highlighted && /égalité/i.test(s.text))).toBe(true);
  });

  it("never fails on hostile or absurd input", async () => {
    for (const q of ["'; DROP TABLE \"Initiative\"; --", "<script>alert(1)</script>", "a".repeat(10_000), "!!! & | ( )", "le", "\u0002x\u0003"]) {
      const result = await searchInitiatives(db, parseSearchQuery({ q }));
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect(await db.initiative.count()).toBeGreaterThan(0);
  });
});

// The inside rule (portee=local); what covers a place is tested in place-scope.test.ts.
describe("territory hierarchy", () => {
  it("ACSO includes the initiatives of Creil and Montataire, and its own", async () => {
    expect(await slugs(`territoire=${ACSO}&portee=local`)).toEqual(
      ["permanence-juridique-creil", "plan-territorial-lutte-discriminations-acso", "testing-logement-montataire"].sort(),
    );
  });

  it("Roubaix does not find ACSO's initiatives; the Oise and the région do", async () => {
    expect(await slugs(`territoire=${ROUBAIX}&portee=local`)).toEqual(["ambassadeurs-de-l-egalite-roubaix"]);
    expect(await slugs("territoire=60&portee=local")).toContain("plan-territorial-lutte-discriminations-acso");
    expect(await slugs("territoire=32&portee=local")).toHaveLength(6);
  });

  it("several territories are OR-ed", async () => {
    expect(await slugs(`territoire=${ROUBAIX}&territoire=${CREIL}&portee=local`)).toEqual(["ambassadeurs-de-l-egalite-roubaix", "permanence-juridique-creil"]);
  });

  it("the picker finds places by name, alias or code, without accents", async () => {
    expect((await findTerritories("acso")).map((t) => t.code)).toContain(ACSO);
    expect((await findTerritories("creil"))[0]?.code).toBe(CREIL);
    expect((await findTerritories(ROUBAIX))[0]?.code).toBe(ROUBAIX);
    expect((await findTerritories("pevele")).some((t) => t.name.includes("Pévèle"))).toBe(true);
  });
});

/** The naive answer: what each facet value would count, from the link tables, with GROUP BY-free SQL. */
async function naiveCount(query: SearchQuery): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>(
    Prisma.sql`SELECT count(*)::int AS n FROM "Initiative" i JOIN "InitiativeSearch" s ON s."initiativeId" = i.id WHERE ${initiativeFilterSql(query)}`,
  );
  return rows[0]!.n;
}

describe("facet counts", () => {
  it("match the number of results each value would give, ignoring the facet's own selection", async () => {
    const query = parseSearchQuery(new URLSearchParams(`territoire=${ACSO}&approche=testing`));
    const result = await searchInitiatives(db, query);
    expect(result.total).toBe(1);
    for (const key of FILTER_KEYS) {
      for (const value of result.facets[key]) {
        const own = key === "annee" ? [Number(value.value)] : [value.value];
        const expected = await naiveCount({ ...query, [key]: own } as SearchQuery);
        expect({ key, value: value.value, count: value.count }).toEqual({ key, value: value.value, count: expected });
      }
    }
  });

  it("include zero-count values, so that they can be shown disabled", async () => {
    const result = await search(`territoire=${ROUBAIX}&portee=local`);
    const approaches = result.facets.approche;
    expect(approaches.length).toBe(await db.approach.count({ where: { deletedAt: null } }));
    expect(approaches.find((a) => a.value === "testing")?.count).toBe(0);
    expect(approaches.find((a) => a.value === "pairs-ambassadeurs")?.count).toBe(1);
    expect(result.facets.territoire.find((t) => t.value === "59")?.count).toBe(2);
    expect(result.facets.acteur.map((a) => a.value)).toContain("association");
  });

  it("status and year: an initiative counts in every year it ran", async () => {
    const result = await search("");
    expect(result.facets.statut.find((s) => s.value === "termine")?.count).toBe(2);
    expect(result.facets.annee.find((y) => y.value === "2019")?.count).toBe(2); // Kif Kif (2012-) and Montataire
    expect(await slugs("annee=2022&statut=termine")).toEqual(["permanence-juridique-creil"]);
  });

  it("count per territory for the map, with the same filters", async () => {
    const counts = await countByFacetValue(db, { ...emptyQuery, approche: ["testing"] }, "territoire", [ACSO, "60", ROUBAIX]);
    expect(Object.fromEntries(counts)).toEqual({ [ACSO]: 1, "60": 1, [ROUBAIX]: 0 });
  });

  it("paginate with a total and a page count", async () => {
    const first = await search("territoire=32", 4);
    const second = await search("territoire=32&page=2", 4);
    expect(first).toMatchObject({ total: 6, pageCount: 2, page: 1 });
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(6);
    expect((await search("page=99")).items).toEqual([]);
  });
});

describe("only published, non-deleted initiatives", () => {
  it("drafts and trashed entries are found nowhere, and never counted", async () => {
    const all = await search("q=egalite Roubaix&portee=local", 100);
    expect(all.items.map((i) => i.slug)).toEqual(["ambassadeurs-de-l-egalite-roubaix"]);
    expect((await search(`territoire=${ROUBAIX}&portee=local`)).facets.territoire.find((t) => t.value === ROUBAIX)?.count).toBe(1);
    expect((await search("")).total).toBe(6);
  });

  it("an edit is visible at the next request: publish, unpublish, trash, link", async () => {
    await db.initiative.update({ where: { slug: "brouillon-roubaix" }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect(await slugs(`territoire=${ROUBAIX}`)).toContain("brouillon-roubaix");
    expect((await search("approche=testing")).total).toBe(1);

    const testing = await db.approach.findUniqueOrThrow({ where: { slug: "testing" } });
    const draft = await db.initiative.findUniqueOrThrow({ where: { slug: "brouillon-roubaix" } });
    await db.initiativeApproach.create({ data: { initiativeId: draft.id, approachId: testing.id } });
    expect((await search("approche=testing")).total).toBe(2);

    await db.initiative.update({ where: { slug: "brouillon-roubaix" }, data: { deletedAt: new Date() } });
    expect(await slugs(`territoire=${ROUBAIX}`)).not.toContain("brouillon-roubaix");
    expect((await search("approche=testing")).total).toBe(1);
    await db.initiative.update({ where: { slug: "brouillon-roubaix" }, data: { deletedAt: null, status: "DRAFT" } });
    expect((await search("")).total).toBe(6);
  });

  it("answers a repeated search from its cache, counts a repeated filter state once, and computes again after any edit", async () => {
    let statements = 0;
    const counting = new Proxy(db, {
      get: (target, property) => (property === "$queryRaw" ? (...args: Parameters<typeof db.$queryRaw>) => (statements++, target.$queryRaw(...args)) : Reflect.get(target, property)),
    });
    const run = async (params: string) => {
      statements = 0;
      const result = await searchInitiatives(counting, parseSearchQuery(new URLSearchParams(params)));
      return { total: result.total, statements };
    };
    // Place names are read once per search version (lib/search/place-words.ts): read them first.
    await run("q=zéphyrin");
    const first = await run("q=zéphyrin&approche=testing");
    expect(first.total).toBe(0);
    // The same search: only the version is read.
    expect(await run("approche=testing&q=zéphyrin")).toEqual({ total: 0, statements: 1 });
    // Another page of the same filter state: computed, but without the count statement.
    expect(await run("q=zéphyrin&approche=testing&page=2")).toEqual({ total: 0, statements: first.statements - 1 });

    // A title edit changes no facet, only the text: the next request still counts again.
    const montataire = await db.initiative.findUniqueOrThrow({ where: { slug: "testing-logement-montataire" } });
    await db.initiative.update({ where: { id: montataire.id }, data: { title: `${montataire.title} avec Zéphyrin` } });
    expect((await run("q=zéphyrin&approche=testing")).total).toBe(1);
    await db.initiative.update({ where: { id: montataire.id }, data: { title: montataire.title } });
    expect((await run("q=zéphyrin&approche=testing")).total).toBe(0);
  });

  it("shows a renamed vocabulary value or territory at the next request", async () => {
    const label = async (params: string, key: "approche" | "territoire", value: string) =>
      (await search(params)).facets[key].find((entry) => entry.value === value)?.label;
    expect(await label("", "approche", "testing")).not.toBe("Tests de situation");
    const original = await db.approach.findUniqueOrThrow({ where: { slug: "testing" } });
    await db.approach.update({ where: { id: original.id }, data: { label: "Tests de situation" } });
    expect(await label("", "approche", "testing")).toBe("Tests de situation");
    const hit = (await search("approche=testing")).items[0]!;
    expect(hit.approaches.map((a) => a.label)).toContain("Tests de situation");

    const roubaix = await db.territory.findUniqueOrThrow({ where: { code: ROUBAIX } });
    await db.territory.update({ where: { code: ROUBAIX }, data: { name: "Roubaix (ville)" } });
    expect((await search(`territoire=${ROUBAIX}`)).items[0]!.territories.map((t) => t.name)).toContain("Roubaix (ville)");
    await db.territory.update({ where: { code: ROUBAIX }, data: { name: roubaix.name } });
    await db.approach.update({ where: { id: original.id }, data: { label: original.label } });
  });

  it("bumps the search version inside the editing transaction, visible to others at commit", async () => {
    const version = async (client: { $queryRaw: typeof db.$queryRaw }) =>
      (await client.$queryRaw<{ version: bigint }[]>`SELECT version FROM "SearchVersion" WHERE id = 1`)[0]!.version;
    const before = await version(db);
    let inside = 0n;
    let outside = 0n;
    await db.$transaction(async (tx) => {
      await tx.initiative.update({ where: { slug: "testing-logement-montataire" }, data: { summary: "Résumé revu." } });
      inside = await version(tx);
      outside = await version(db);
    });
    expect(inside).toBeGreaterThan(before);
    expect(outside).toBe(before);
    expect(await version(db)).toBe(inside);
  });

  it("an actor taken offline leaves the search text and the actor-kind counts", async () => {
    expect(await slugs("q=Kif")).toContain("permanences-ecoute-kif-kif");
    await db.actor.update({ where: { slug: "collectif-kif-kif" }, data: { status: "DRAFT" } });
    expect((await search("acteur=association")).total).toBe(0);
    await db.actor.update({ where: { slug: "collectif-kif-kif" }, data: { status: "PUBLISHED" } });
    expect((await search("acteur=association")).total).toBe(1);
  });

  it("the incremental read model equals a full rebuild", async () => {
    const snapshot = () =>
      db.$queryRaw<{ rows: string; postings: string }[]>(Prisma.sql`
        SELECT (SELECT string_agg(concat_ws('|', "initiativeId", document::text, facets::text, "sortTitle"), E'\n' ORDER BY "initiativeId") FROM "InitiativeSearch") AS rows,
               (SELECT string_agg(concat_ws('|', token, chunk, bit_count(bits), md5(bits::text)), E'\n' ORDER BY token, chunk)
                  FROM "SearchPosting" WHERE bit_count(bits) > 0) AS postings`);
    const before = await snapshot();
    await db.$executeRaw`SELECT reperes_search_rebuild()`;
    expect(await snapshot()).toEqual(before);
  });
});

describe("frequent words (posting bitmaps)", () => {
  /** Words whose bitmap disagrees with what the full-text index finds (count or any match). */
  const driftingWords = () =>
    db.$queryRaw<{ value: string }[]>(Prisma.sql`
      SELECT f.value FROM "SearchFacet" f
      WHERE f.facet = '_mot' AND (
        COALESCE((SELECT sum(bit_count(p.bits)) FROM "SearchPosting" p WHERE p.token = f.id), 0)
          <> (SELECT count(*) FROM "InitiativeSearch" s WHERE s.document @@ quote_literal(f.value)::tsquery)
        OR EXISTS (SELECT 1 FROM "InitiativeSearch" s
                   LEFT JOIN "SearchPosting" p ON p.token = f.id AND p.chunk = s."initiativeId" >> 16
                   WHERE s.document @@ quote_literal(f.value)::tsquery
                     AND COALESCE(get_bit(p.bits, s."initiativeId" & 65535), 0) = 0))`);
  const fullTextTotal = async (q: string) =>
    (await db.$queryRaw<{ n: number }[]>(Prisma.sql`
      SELECT count(*)::int AS n FROM "InitiativeSearch" s WHERE s.document @@ websearch_to_tsquery('french_unaccent', ${q})`))[0]!.n;

  it("parses word-only tsqueries, and nothing else", () => {
    expect(parseWordTree("'lutt' & 'discrimin'")).toEqual({ op: "&", args: [{ word: "lutt" }, { word: "discrimin" }] });
    expect(parseWordTree("'a' & 'b' | 'c'")).toEqual({ op: "|", args: [{ op: "&", args: [{ word: "a" }, { word: "b" }] }, { word: "c" }] });
    expect(parseWordTree("( 'a' | 'b' ) & 'l''x'")).toEqual({ op: "&", args: [{ op: "|", args: [{ word: "a" }, { word: "b" }] }, { word: "l'x" }] });
    for (const other of ["'a' <-> 'b'", "!'a'", "'a':*", "'a':A", "'a' &", "", "( 'a'"]) expect(parseWordTree(other)).toBeUndefined();
  });

  it("bitmaps stay equal to the full-text index through edits, and searches through them find the same", async () => {
    // Every word found in two initiatives or more becomes a frequent word of this small base.
    await db.$executeRaw`SELECT reperes_search_rebuild(2)`;
    const frequent = await db.$queryRaw<{ word: string }[]>(Prisma.sql`
      SELECT w.word FROM "SearchWord" w JOIN "SearchFacet" f
        ON f.facet = '_mot' AND websearch_to_tsquery('french_unaccent', w.word)::text = quote_literal(f.value)
      ORDER BY (SELECT sum(bit_count(p.bits)) FROM "SearchPosting" p WHERE p.token = f.id) DESC, w.word LIMIT 3`);
    expect(frequent.length).toBe(3);
    const [first, second, third] = frequent.map((row) => row.word);
    expect(await driftingWords()).toEqual([]);

    await createInitiative({ slug: "mots-frequents", title: `Un ${first} et un ${third} à Creil`, territories: [CREIL] });
    await db.initiative.update({ where: { slug: "permanence-juridique-creil" }, data: { title: `Permanence ${second} à Creil` } });
    await db.initiative.update({ where: { slug: "testing-logement-montataire" }, data: { deletedAt: new Date() } });
    expect(await driftingWords()).toEqual([]);

    for (const q of [first!, `${first} ${second}`, `${first} or ${third}`, `${second} ${first} or ${third}`, `${first} Montataire`, `"${first} ${third}"`]) {
      // Place names stay words here: the bitmaps are compared with the full-text index alone.
      // A query that finds nothing as a whole shows partial matches instead, and says so.
      const result = await search(`q=${encodeURIComponent(q)}&interpreter=non`);
      const expected = await fullTextTotal(q);
      if (expected === 0) expect({ q, dropped: result.droppedWords !== undefined || result.total === 0 }).toEqual({ q, dropped: true });
      else expect({ q, total: result.total }).toEqual({ q, total: expected });
    }
    expect(await slugs(`q=${encodeURIComponent(`${first} ${third}`)}`)).toContain("mots-frequents");

    await db.initiative.update({ where: { slug: "testing-logement-montataire" }, data: { deletedAt: null } });
    await db.initiative.delete({ where: { slug: "mots-frequents" } });
    await db.$executeRaw`SELECT reperes_search_rebuild()`;
    expect((await db.searchFacet.count({ where: { facet: "_mot" } }))).toBe(0);
  });
});
