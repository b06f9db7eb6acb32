import type pg from "pg";
import { actorKindParams, FILTER_KEYS, type FilterKey, type SearchQuery } from "@/lib/search/query";

/**
 * The naive way to answer a search, to measure the real service against: ILIKE over every text
 * column (and the names of actors, territories and lessons), no search index, one COUNT(*) and
 * one GROUP BY per facet over the join tables, each re-applying the other filters. The text
 * match is computed once per search (a materialised CTE, one statement): re-running a full-text
 * ILIKE scan for each of the eleven parts would make the baseline slower than anyone would
 * write it, and the comparison meaningless. Same visibility rule and the same filter semantics
 * as the service (lib/search/service.ts, SQL function reperes_search_pairs), so that result
 * sets can be compared:
 * - territory: the territory or any place inside it (closure table); an EPCI, which the
 *   reference does not link under a département, counts in the départements of its communes;
 *   with portee=couvrant, an initiative attached to a strict ancestor of the territory and not
 *   inside it; with portee=tous, either, those inside first;
 * - theme: the theme itself or its parent theme (choosing a parent includes its sub-themes);
 * - other vocabularies: the slug, among entries not deleted; actor kind: a published, not
 *   deleted actor of that kind;
 * - statut: "en-cours" = ongoing, "termine" = not ongoing;
 * - annee: every year the initiative ran, from its start to its end year (an ongoing one
 *   without an end year up to the current year; only one of the two years known: that year).
 */
export interface BaselineResult {
  ids: number[];
  total: number;
  facets: Record<FilterKey, Map<string, number>>;
}

const VOCABULARY_FACETS = {
  approche: ["InitiativeApproach", "approachId", "Approach"],
  theme: ["InitiativeTheme", "themeId", "Theme"],
  critere: ["InitiativeCriterion", "criterionId", "DiscriminationCriterion"],
  domaine: ["InitiativeDomain", "domainId", "Domain"],
  public: ["InitiativePublic", "publicId", "Public"],
} as const;

const TEXT_COLUMNS = ["title", "summary", "description", "objectives", "means", "funding", "results"];

/** (initiative, territory code) for every place an initiative counts in: see the header. */
const TERRITORY_PAIRS = `
  SELECT it."initiativeId", ta."ancestorCode" AS code
  FROM "InitiativeTerritory" it JOIN "TerritoryAncestor" ta ON ta."descendantCode" = it."territoryCode"
  UNION
  SELECT it."initiativeId", d."parentCode"
  FROM "InitiativeTerritory" it
    JOIN "Territory" e ON e.code = it."territoryCode" AND e.kind = 'EPCI'
    JOIN "TerritoryParent" m ON m."parentCode" = e.code
    JOIN "TerritoryParent" d ON d."childCode" = m."childCode"
    JOIN "Territory" dt ON dt.code = d."parentCode" AND dt.kind = 'DEPARTEMENT'`;

/** (initiative, territory code) for every place an initiative covers from one of its places, among `ids`. */
function coveringPairs(ids: string): string {
  return `
  SELECT it."initiativeId", ta."descendantCode" AS code
  FROM "InitiativeTerritory" it JOIN "TerritoryAncestor" ta ON ta."ancestorCode" = it."territoryCode"
  WHERE ta.depth > 0 AND it."initiativeId" IN (${ids})`;
}

/** The (initiative, code) pairs of a scope among `ids`: what choosing `code` brings. */
function scopedPairs(scope: SearchQuery["portee"], ids: string): string {
  const inside = `SELECT tp."initiativeId", tp.code FROM (${TERRITORY_PAIRS}) tp WHERE tp."initiativeId" IN (${ids})`;
  if (scope === "local") return inside;
  if (scope === "tous") return `${inside} UNION ALL ${coveringPairs(ids)}`;
  return `SELECT c."initiativeId", c.code FROM (${coveringPairs(ids)}) c
          WHERE NOT EXISTS (SELECT 1 FROM (${TERRITORY_PAIRS}) tp WHERE tp."initiativeId" = c."initiativeId" AND tp.code = c.code)`;
}

/** Over an initiative `i`: it lies inside one of `codes` (a parameter), or covers one of them. */
function insideSql(codes: string): string {
  return `EXISTS (SELECT 1 FROM (${TERRITORY_PAIRS}) tp WHERE tp."initiativeId" = i.id AND tp.code = ANY(${codes}::text[]))`;
}
function coveringSql(codes: string): string {
  return `EXISTS (SELECT 1 FROM "InitiativeTerritory" it JOIN "TerritoryAncestor" ta ON ta."ancestorCode" = it."territoryCode"
                  WHERE it."initiativeId" = i.id AND ta.depth > 0 AND ta."descendantCode" = ANY(${codes}::text[]))`;
}

/** The years an initiative `i` ran, as a set-returning expression: see the header. */
const YEARS = `generate_series(COALESCE(i."startYear", i."endYear"),
  LEAST(COALESCE(i."endYear", CASE WHEN i.ongoing THEN extract(year FROM now())::int END, i."startYear"),
        COALESCE(i."startYear", i."endYear") + 60))`;

function likePattern(term: string) {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

class Sql {
  readonly params: unknown[] = [];

  param(value: unknown) {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** Visible initiatives matching every term of `q`: the rows of the `matched` CTE. */
function textWhere(sql: Sql, query: SearchQuery): string {
  const parts = [`i.status = 'PUBLISHED'`, `i."deletedAt" IS NULL`];
  for (const term of query.q.split(" ").filter(Boolean)) {
    const p = sql.param(likePattern(term));
    parts.push(`(${TEXT_COLUMNS.map((column) => `i.${column} ILIKE ${p}`).join(" OR ")}
      OR EXISTS (SELECT 1 FROM "InitiativeActor" ia JOIN "Actor" a ON a.id = ia."actorId"
                 WHERE ia."initiativeId" = i.id AND a.status = 'PUBLISHED' AND a."deletedAt" IS NULL AND a.name ILIKE ${p})
      OR EXISTS (SELECT 1 FROM "InitiativeTerritory" it JOIN "Territory" t ON t.code = it."territoryCode"
                 WHERE it."initiativeId" = i.id AND t.name ILIKE ${p})
      OR EXISTS (SELECT 1 FROM "LessonInitiative" li JOIN "Lesson" l ON l.id = li."lessonId"
                 WHERE li."initiativeId" = i.id AND l.status = 'PUBLISHED' AND l."deletedAt" IS NULL AND l.title ILIKE ${p}))`);
  }
  return parts.join(" AND ");
}

/** The vocabulary entries `v` a link row `j` stands for: a theme also stands for its parent. */
function vocabularyValues(key: string, table: string, column: string): string {
  return key === "theme"
    ? `"Theme" t ON t.id = j."${column}" JOIN "Theme" v ON v.id IN (t.id, t."parentId")`
    : `"${table}" v ON v.id = j."${column}"`;
}

/** The filters of a query over `matched` rows, leaving out one facet's own (for its counts). */
function where(sql: Sql, query: SearchQuery, except?: FilterKey): string {
  const parts = ["true"];
  const active = (key: FilterKey) => key !== except && query[key].length > 0;
  if (active("territoire")) {
    const codes = sql.param(query.territoire);
    if (query.portee === "local") parts.push(insideSql(codes));
    else if (query.portee === "couvrant") parts.push(`${coveringSql(codes)} AND NOT ${insideSql(codes)}`);
    else parts.push(`(${insideSql(codes)} OR ${coveringSql(codes)})`);
  }
  for (const [key, [join, column, table]] of Object.entries(VOCABULARY_FACETS) as [FilterKey, readonly [string, string, string]][]) {
    if (!active(key)) continue;
    parts.push(`EXISTS (SELECT 1 FROM "${join}" j JOIN ${vocabularyValues(key, table, column)}
                        WHERE j."initiativeId" = i.id AND v."deletedAt" IS NULL AND v.slug = ANY(${sql.param(query[key])}::text[]))`);
  }
  if (active("acteur")) {
    const kinds = query.acteur.map((param) => actorKindParams[param]);
    parts.push(`EXISTS (SELECT 1 FROM "InitiativeActor" ia JOIN "Actor" a ON a.id = ia."actorId"
                        WHERE ia."initiativeId" = i.id AND a.status = 'PUBLISHED' AND a."deletedAt" IS NULL
                          AND a.kind::text = ANY(${sql.param(kinds)}::text[]))`);
  }
  if (active("statut")) parts.push(`i.ongoing = ANY(${sql.param(query.statut.map((s) => s === "en-cours"))}::boolean[])`);
  if (active("annee")) parts.push(`EXISTS (SELECT 1 FROM ${YEARS} AS y WHERE y = ANY(${sql.param(query.annee)}::int[]))`);
  return parts.join(" AND ");
}

function orderBy(sql: Sql, query: SearchQuery): string {
  if (query.territoire.length > 0 && query.portee === "tous") {
    return `${insideSql(sql.param(query.territoire))} DESC, ${orderBy(sql, { ...query, portee: "local" })}`;
  }
  if (query.tri === "titre") return `i.title, i.id`;
  if (query.tri === "pertinence" && query.q) {
    const terms = query.q.split(" ").filter(Boolean).map(likePattern);
    return `(i.title ILIKE ANY(${sql.param(terms)}::text[])) DESC, i."publishedAt" DESC, i.id DESC`;
  }
  return `i."publishedAt" DESC, i.id DESC`;
}

/**
 * One facet's counts: the values as the URL names them (slug, code, year...). `territories`
 * limits the territory codes counted (every code otherwise: with a covering scope, a région-wide
 * initiative then counts for each of the région's 3,900 territories).
 */
function facetSql(sql: Sql, key: FilterKey, query: SearchQuery, territories?: string[]): string {
  const filters = where(sql, query, key);
  const filtered = `SELECT i.id FROM matched i WHERE ${filters}`;
  if (key in VOCABULARY_FACETS) {
    const [join, column, table] = VOCABULARY_FACETS[key as keyof typeof VOCABULARY_FACETS];
    return `SELECT v.slug AS value, count(DISTINCT j."initiativeId")::int AS count FROM "${join}" j JOIN ${vocabularyValues(key, table, column)}
            WHERE v."deletedAt" IS NULL AND j."initiativeId" IN (${filtered}) GROUP BY v.slug`;
  }
  switch (key) {
    case "territoire":
      return `SELECT tp.code AS value, count(DISTINCT tp."initiativeId")::int AS count
              FROM (${scopedPairs(query.portee, filtered)}) tp
              ${territories ? `WHERE tp.code = ANY(${sql.param(territories)}::text[])` : ""} GROUP BY tp.code`;
    case "acteur":
      return `SELECT a.kind::text AS value, count(DISTINCT ia."initiativeId")::int AS count
              FROM "InitiativeActor" ia JOIN "Actor" a ON a.id = ia."actorId"
              WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL AND ia."initiativeId" IN (${filtered}) GROUP BY a.kind`;
    case "statut":
      return `SELECT CASE WHEN i.ongoing THEN 'en-cours' ELSE 'termine' END AS value, count(*)::int AS count
              FROM matched i WHERE ${filters} GROUP BY 1`;
    case "annee":
      return `SELECT y::text AS value, count(*)::int AS count
              FROM matched i, ${YEARS} AS y WHERE ${filters} GROUP BY 1`;
    default:
      throw new Error(`facette inconnue : ${key}`);
  }
}

const KIND_TO_PARAM = new Map(Object.entries(actorKindParams).map(([param, kind]) => [kind as string, param]));

export async function naiveSearch(
  pool: pg.Pool,
  query: SearchQuery,
  options: { pageSize?: number; territories?: string[] } = {},
): Promise<BaselineResult> {
  const pageSize = options.pageSize ?? 20;
  const sql = new Sql();
  const matched = `SELECT i.id, i.title, i."publishedAt", i.ongoing, i."startYear", i."endYear" FROM "Initiative" i WHERE ${textWhere(sql, query)}`;
  const filters = where(sql, query);
  const order = orderBy(sql, query);
  const page = `SELECT i.id, row_number() OVER (ORDER BY ${order}) AS n FROM matched i WHERE ${filters} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(query.page - 1) * pageSize}`;
  const facets = FILTER_KEYS.map(
    (key) =>
      `'${key}', (SELECT coalesce(json_object_agg(f.value, f.count), '{}') FROM (${facetSql(sql, key, query, options.territories)}) f)`,
  );
  type Row = { result: { ids: number[] | null; total: number; facets: Record<FilterKey, Record<string, number>> } };
  const client = await pool.connect();
  let rows: Row[];
  try {
    // The OR of two EXISTS of a covering scope makes the planner's estimate huge, and JIT
    // compiling the statement then costs more than running it (20 s of 21 s on a loaded
    // machine): off, so that the baseline measures the query, not the compiler.
    await client.query("BEGIN");
    await client.query("SET LOCAL jit = off");
    ({ rows } = await client.query<Row>(
      `WITH matched AS MATERIALIZED (${matched})
       SELECT json_build_object(
         'ids', (SELECT json_agg(p.id ORDER BY p.n) FROM (${page}) p),
         'total', (SELECT count(*) FROM matched i WHERE ${filters}),
         'facets', json_build_object(${facets.join(", ")})) AS result`,
      sql.params,
    ));
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  const result = rows[0]!.result;
  const facetMaps = Object.fromEntries(
    FILTER_KEYS.map((key) => [
      key,
      new Map(
        Object.entries(result.facets[key]).map(([value, count]) => [key === "acteur" ? (KIND_TO_PARAM.get(value) ?? value) : value, count]),
      ),
    ]),
  ) as Record<FilterKey, Map<string, number>>;
  return { ids: result.ids ?? [], total: result.total, facets: facetMaps };
}
