import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { naiveSearch } from "@/bench/baseline";
import { differences, isComparable, pageIds } from "@/bench/compare";
import { generateBenchData, type GenerateSummary } from "@/bench/generate";
import { buildWorkload, PLACES, QUERY_CLASSES } from "@/bench/workload";
import { createPrismaClient } from "@/lib/db/connect";
import { relatedInitiatives } from "@/lib/public/initiatives";
import { pageIdsSql, RANKED_WINDOW } from "@/lib/search/results-sql";
import { searchInitiatives } from "@/lib/search/service";
import { testFilePool } from "../support/database";

// The CI-sized run of `npm run bench`: same generator, workload and baseline, on 5,000
// initiatives, asserting that the search service and the naive baseline agree (not timings).
const ROWS = 5000;
const pool = testFilePool(10);
const db = createPrismaClient();
const workload = buildWorkload();
let summary: GenerateSummary;
const hashes: Record<string, string> = {};

async function contentHash() {
  const { rows } = await pool.query<{ hash: string }>(
    `SELECT md5(string_agg(concat_ws('|', i.title, i.description, i.status, i."publishedAt",
              (SELECT string_agg(t."territoryCode", ',' ORDER BY t."territoryCode") FROM "InitiativeTerritory" t WHERE t."initiativeId" = i.id)), '/' ORDER BY i.id)) AS hash
     FROM "Initiative" i`,
  );
  return rows[0]!.hash;
}

beforeAll(async () => {
  // Reproducibility is checked on small runs; the tests below use the full one.
  await generateBenchData(pool, { initiatives: 200 });
  hashes.first = await contentHash();
  await generateBenchData(pool, { initiatives: 200 });
  hashes.again = await contentHash();
  await generateBenchData(pool, { initiatives: 200, seed: 7 });
  hashes.otherSeed = await contentHash();
  summary = await generateBenchData(pool, { initiatives: ROWS });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe("benchmark data generator", () => {
  it("loads the proportions asked for, mostly published", async () => {
    expect(summary).toMatchObject({ initiatives: ROWS, actors: ROWS / 10, lessons: (ROWS * 3) / 20 });
    const { rows } = await pool.query<{ total: number; visible: number; lessons: number; linked: number }>(
      `SELECT (SELECT count(*)::int FROM "Initiative") AS total,
              (SELECT count(*)::int FROM "Initiative" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL) AS visible,
              (SELECT count(*)::int FROM "Lesson") AS lessons,
              (SELECT count(DISTINCT "initiativeId")::int FROM "InitiativeTerritory") AS linked`,
    );
    expect(rows[0]!.total).toBe(ROWS);
    expect(rows[0]!.linked).toBe(ROWS);
    expect(rows[0]!.visible / ROWS).toBeGreaterThan(0.85);
    expect(rows[0]!.visible).toBeLessThan(ROWS);
  });

  it("spreads initiatives over every département, EPCI-level and région-level places, and the vocabularies", async () => {
    const { rows } = await pool.query<{ kind: string; places: number }>(
      `SELECT t.kind::text AS kind, count(DISTINCT t.code)::int AS places
       FROM "InitiativeTerritory" it JOIN "Territory" t ON t.code = it."territoryCode" GROUP BY t.kind`,
    );
    const places = Object.fromEntries(rows.map((row) => [row.kind, row.places]));
    expect(places).toMatchObject({ REGION: 1, DEPARTEMENT: 5 });
    expect(places.EPCI).toBeGreaterThan(50);
    expect(places.COMMUNE).toBeGreaterThan(1000);
    const unused = await pool.query(
      `SELECT slug FROM "Approach" a WHERE NOT EXISTS (SELECT 1 FROM "InitiativeApproach" j WHERE j."approachId" = a.id)`,
    );
    expect(unused.rows).toEqual([]);
  });

  it("gives the same data for the same seed, other data for another seed", () => {
    expect(hashes.again).toBe(hashes.first);
    expect(hashes.otherSeed).not.toBe(hashes.first);
  });
});

describe("benchmark workload", () => {
  it("has at least 60 queries in every class, on places of the reference data", async () => {
    expect(workload.length).toBeGreaterThanOrEqual(60);
    expect(new Set(workload.map((item) => item.name)).size).toBe(workload.length);
    for (const queryClass of QUERY_CLASSES) expect(workload.filter((item) => item.class === queryClass).length).toBeGreaterThanOrEqual(5);
    const codes = [
      PLACES.region,
      ...PLACES.departements,
      PLACES.acso,
      PLACES.mel,
      PLACES.roubaix,
      PLACES.creil,
      PLACES.amiens,
      PLACES.lille,
    ];
    const found = await pool.query(`SELECT code FROM "Territory" WHERE code = ANY($1::text[])`, [codes]);
    expect(found.rowCount).toBe(codes.length);
  });
});

describe("search service against the naive baseline", () => {
  it("finds the same totals, pages (recent order) and facet counts on every comparable query", async () => {
    const comparable = workload.filter((item) => isComparable(item.query));
    expect(comparable.length).toBeGreaterThanOrEqual(20);
    const mismatches: string[] = [];
    let nonEmpty = 0;
    for (const item of comparable) {
      const ours = await searchInitiatives(db, item.query);
      // The territory codes the service shows: the only ones compared.
      const naive = await naiveSearch(pool, item.query, { territories: ours.facets.territoire.map((value) => value.value) });
      if (naive.total > 0) nonEmpty++;
      for (const difference of differences(item.query, ours, naive)) mismatches.push(`${item.name}: ${difference}`);
    }
    expect(mismatches).toEqual([]);
    expect(nonEmpty).toBeGreaterThanOrEqual(comparable.length - 2);
  }, 120_000);

  it("answers text queries of every class on both sides with a consistent page", async () => {
    // One per class: the baseline's per-row ILIKE makes the whole list take half a minute.
    const textQueries = QUERY_CLASSES.map((queryClass) =>
      workload.find((entry) => entry.class === queryClass && !isComparable(entry.query)),
    );
    for (const item of textQueries.filter((entry) => entry !== undefined)) {
      const [ours, naive] = await Promise.all([searchInitiatives(db, item.query), naiveSearch(pool, item.query)]);
      expect(pageIds(ours).length).toBe(Math.max(0, Math.min(20, ours.total - (item.query.page - 1) * 20)));
      expect(naive.ids.length).toBe(Math.max(0, Math.min(20, naive.total - (item.query.page - 1) * 20)));
    }
    const common = await naiveSearch(pool, workload.find((item) => item.class === "common-term")!.query);
    expect(common.total).toBeGreaterThan(ROWS / 2);
  }, 120_000);
});

describe("results page from the search's bitmap", () => {
  // Many matches: the page walks the order's index testing each id's bit; few: it reads the
  // matches and sorts them. Both must give the page a plain ORDER BY over the filter gives.
  it("pages in title order alike whether the matches are many or few, and nothing past the last one", async () => {
    const expected = async (code: string, offset: number) => {
      const { rows } = await pool.query<{ id: number }>(
        `SELECT s."initiativeId" AS id FROM "InitiativeSearch" s
         WHERE s.facets && ARRAY(SELECT f.id FROM "SearchFacet" f WHERE f.facet = 'territoire' AND f.value = $1)
         ORDER BY s."sortTitle", s."initiativeId" LIMIT 20 OFFSET $2`,
        [code, offset],
      );
      return rows.map((row) => row.id);
    };
    const base = { ...workload[0]!.query, q: "", tri: "titre" as const, portee: "local" as const };
    const nord = await searchInitiatives(db, { ...base, territoire: ["59"], page: 3 });
    const roubaix = await searchInitiatives(db, { ...base, territoire: [PLACES.roubaix], page: 1 });
    expect(nord.total).toBeGreaterThan(ROWS / 10);
    expect(roubaix.total).toBeGreaterThan(0);
    expect(roubaix.total).toBeLessThan(100);
    expect(pageIds(nord)).toEqual(await expected("59", 40));
    expect(pageIds(roubaix)).toEqual(await expected(PLACES.roubaix, 0));
    const past = await searchInitiatives(db, { ...base, territoire: ["59"], page: nord.pageCount + 1 });
    expect(pageIds(past)).toEqual([]);
    expect(past.total).toBe(nord.total);
  }, 60_000);
});

describe("results page plans", () => {
  interface PlanNode {
    "Node Type": string;
    "Relation Name"?: string;
    "Index Name"?: string;
    Filter?: string;
    "Recheck Cond"?: string;
    "Index Cond"?: string;
    Plans?: PlanNode[];
  }
  /** Scans of the search table that test the place filter, with the node types above each. */
  const placeScans = (node: PlanNode, above: string[] = []): { above: string[]; scan: PlanNode }[] => {
    const tests = [node.Filter, node["Recheck Cond"], node["Index Cond"]].some((condition) => condition?.includes("facets &&"));
    const own = node["Relation Name"] === "InitiativeSearch" && tests ? [{ above, scan: node }] : [];
    return [...own, ...(node.Plans ?? []).flatMap((child) => placeScans(child, [...above, node["Node Type"]]))];
  };

  it("reads the few entries of a place and sorts them, never walks the date index testing each row", async () => {
    // Sorting made as costly as the planner allows: walking the date index would be chosen if
    // the query left it the choice (40 ms for a town's 5 latest entries at 200,000 initiatives).
    const query = { ...workload[0]!.query, q: "", portee: "local" as const, territoire: [PLACES.roubaix], page: 1 };
    const sql = pageIdsSql(query, undefined, 20, 0);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL enable_sort = off");
      const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
      const scans = placeScans(rows[0]!["QUERY PLAN"][0].Plan);
      expect(scans.length).toBeGreaterThan(0);
      for (const { above, scan } of scans) {
        expect(scan["Index Name"] ?? "", JSON.stringify(scan)).not.toMatch(/publishedAt/);
        // The nearest Limit or Sort above the read is the Sort.
        expect(above.filter((type) => type === "Limit" || type === "Sort").at(-1)).toBe("Sort");
      }
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});

describe("related initiatives", () => {
  it("are those the score ranks first over every entry, when chosen among bounded candidates", async () => {
    // The score of relatedInitiatives over the whole base, as it was before the candidates were bounded.
    const unbounded = async (id: number) => {
      const { rows } = await pool.query<{ id: number }>(
        `WITH mine AS (
           SELECT f.id FROM "InitiativeSearch" s JOIN "SearchFacet" f ON f.id = ANY(s.facets)
           WHERE s."initiativeId" = $1 AND f.facet IN ('approche', 'theme')
           UNION
           SELECT f.id FROM "InitiativeTerritory" it JOIN "SearchFacet" f ON f.facet = 'territoire' AND f.value = it."territoryCode"
           WHERE it."initiativeId" = $1),
         words AS (SELECT NULLIF(replace(plainto_tsquery('french_unaccent', i.title)::text, '&', '|'), '')::tsquery AS q FROM "Initiative" i WHERE i.id = $1)
         SELECT s."initiativeId" AS id FROM "InitiativeSearch" s, words
         WHERE s."initiativeId" <> $1 AND (s.facets && ARRAY(SELECT id FROM mine) OR s.document @@ words.q)
         ORDER BY (SELECT count(*) FROM unnest(s.facets) AS x WHERE x IN (SELECT id FROM mine)) + COALESCE(ts_rank(s.document, words.q), 0) * 2 DESC,
                  s."publishedAt" DESC NULLS LAST, s."initiativeId" DESC
         LIMIT 4`,
        [id],
      );
      return rows.map((row) => row.id);
    };
    const { rows } = await pool.query<{ id: number }>(
      `SELECT "initiativeId" AS id FROM "InitiativeSearch" ORDER BY "initiativeId" LIMIT 12`,
    );
    for (const { id } of rows) {
      const related = (await relatedInitiatives(id)).map((item) => item.id);
      expect(related).toHaveLength(4);
      expect(related, `initiative ${id}`).toEqual(await unbounded(id));
    }
  }, 60_000);
});

describe("bounded relevance order", () => {
  it("ranks the most recent matches of a frequent word, then the older ones by date, page after page", async () => {
    const q = workload.find((item) => item.class === "common-term")!.query.q;
    const { rows } = await pool.query<{ id: number; rank: number }>(
      `SELECT s."initiativeId" AS id, ts_rank(s.document, websearch_to_tsquery('french_unaccent', $1)) AS rank
       FROM "InitiativeSearch" s WHERE s.document @@ websearch_to_tsquery('french_unaccent', $1)
       ORDER BY s."publishedAt" DESC, s."initiativeId" DESC`,
      [q],
    );
    expect(rows.length).toBeGreaterThan(RANKED_WINDOW + 100);
    // Ties on rank keep the date order, which the window already has (stable sort).
    const window = rows.slice(0, RANKED_WINDOW).sort((a, b) => b.rank - a.rank);
    const expected = [...window, ...rows.slice(RANKED_WINDOW)].map((row) => row.id);
    const pageOf = async (page: number, pageSize: number) =>
      pageIds(await searchInitiatives(db, { ...workload[0]!.query, q, tri: "pertinence", page }, { pageSize }));
    expect(await pageOf(1, 20)).toEqual(expected.slice(0, 20));
    // A page across the end of the window, and one past it.
    expect(await pageOf(34, 30)).toEqual(expected.slice(990, 1020));
    expect(await pageOf(52, 20)).toEqual(expected.slice(1020, 1040));
  }, 60_000);
});
