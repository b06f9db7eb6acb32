/**
 * One page of results, in the query's order, with the query's words highlighted. The relevance
 * order is bounded to the most recent matches (RANKED_WINDOW, ADR 004); with chosen places and
 * both scopes, the entries inside them come before those covering them.
 */
import { queryRows } from "@/lib/db/raw";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { type FacetIds, initiativeFilterSql, insideIdsSql } from "./filters-sql";
import { maskHasSql, searchMaskSql } from "./mask-sql";
import { HIGHLIGHT_END, HIGHLIGHT_START, toSegments } from "./highlight";
import { scaleLabel } from "@/lib/format/labels";
import type { PlaceScope } from "./place-scope";
import type { SearchQuery } from "./query";
import { type TextQuery, tsquerySql, type WordTree, wordsOf } from "./tsquery";
import type { SearchHit } from "./types";

/** Whether results come in two tiers: inside the chosen places first, then covering them. */
function tiered(query: SearchQuery): boolean {
  return query.territoire.length > 0 && query.portee === "tous";
}

/**
 * ORDER BY of the results (over `"InitiativeSearch" s`), shared with the exports, which rank
 * every match (they read every row anyway); the page ranks a bounded window (pageIdsSql).
 */
export function orderBySql(query: SearchQuery, text: TextQuery | undefined): Prisma.Sql {
  if (tiered(query)) {
    const inside = Prisma.sql`CASE WHEN s.facets && ARRAY(${insideIdsSql(query.territoire)}) THEN 0 ELSE 1 END`;
    return Prisma.sql`${inside}, ${orderBySql({ ...query, portee: "local" }, text)}`;
  }
  if (query.tri === "titre") return Prisma.sql`s."sortTitle" ASC, s."initiativeId" ASC`;
  if (query.tri === "pertinence" && text?.q) {
    return Prisma.sql`ts_rank(s.document, ${tsquerySql(text)}) DESC, s."publishedAt" DESC, s."initiativeId" DESC`;
  }
  return Prisma.sql`s."publishedAt" DESC, s."initiativeId" DESC`;
}

/**
 * How many of the most recent matches the relevance order ranks. Ranking every match of a
 * frequent word reads and scores every document (a parallel sequential scan, 160–230 ms for
 * 182,000 matches); the window is read from the publishedAt index and scored in about 10 ms.
 */
export const RANKED_WINDOW = 1000;

/**
 * Ids of one results page, in order. With chosen places and both scopes, the entries inside
 * them come first, then those covering them: each tier is ordered on its own (and read from its
 * own indexes) up to the end of the page, then the tiers are concatenated. Exported for the
 * tests of its plans.
 */
export function pageIdsSql(
  query: SearchQuery,
  text: TextQuery | undefined,
  limit: number,
  offset: number,
  facetIds?: FacetIds,
): Prisma.Sql {
  if (!tiered(query)) return tierPageIdsSql(query, text, limit, offset, facetIds);
  const tier = (scope: PlaceScope, n: number) => Prisma.sql`
    SELECT t.id, ${n}::int AS tier, t.n
    FROM unnest(ARRAY(${tierPageIdsSql({ ...query, portee: scope }, text, offset + limit, 0, facetIds)})) WITH ORDINALITY AS t(id, n)`;
  return Prisma.sql`
    SELECT c.id FROM (${tier("local", 0)} UNION ALL ${tier("couvrant", 1)}) c
    ORDER BY c.tier, c.n LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * How many index entries walking an order costs against reading one match, roughly: walking the
 * order's index and testing each id's bit in the search's mask costs about 0.26 µs per entry
 * (index only, no row read); reading the matches through the GIN and bitmap indexes and sorting
 * them about 2.5 µs per match (each a wide row). Measured at 200,000 initiatives (ADR 004,
 * "Fifth pass").
 */
const WALK_COST_RATIO = 0.1;

/**
 * Rows offset..offset+limit of the matches in an order, as (id, published, title): with many matches,
 * the order's index is walked and each id tested in the search's mask (the `mask` CTE of
 * tierPageIdsSql), about N × (offset + limit) / matches entries; with few, the matches are read
 * and sorted. The choice is made on the mask's bit count, a one-time filter: the branch not
 * taken never runs.
 */
function orderedMatchesSql(where: Prisma.Sql, order: Prisma.Sql, limit: number, offset: number, masked: boolean): Prisma.Sql {
  const columns = Prisma.sql`s."initiativeId" AS id, s."publishedAt" AS published, s."sortTitle" AS title`;
  // The matches are few here: read them all through the filters' indexes, then sort. Without the
  // fence (OFFSET 0), the planner may walk the order's index and test each row it reads instead
  // (40 ms to find the 5 latest of 300 in a town at 200,000 initiatives, against 1 ms read).
  const read = Prisma.sql`(
    SELECT ${columns}
    FROM (SELECT s."initiativeId", s."publishedAt", s."sortTitle" FROM "InitiativeSearch" s WHERE ${where} OFFSET 0) s
    ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})`;
  if (!masked) return read;
  // Past the last match there is nothing to read (a walk would read the whole index).
  const strategy = (walk: boolean) => Prisma.sql`(
    SELECT m.matches > ${offset} AND (m.matches::float8 * m.matches > ${WALK_COST_RATIO} * m.everyone * ${limit + offset}) = ${walk}
    FROM mask m)`;
  return Prisma.sql`
    (SELECT ${columns} FROM "InitiativeSearch" s WHERE ${strategy(true)} AND ${maskHasSql(Prisma.sql`(SELECT m.bits FROM mask m)`, Prisma.sql`s."initiativeId"`)}
     ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})
    UNION ALL
    (SELECT r.* FROM ${read} r WHERE ${strategy(false)})`;
}

/**
 * Whether the text alone bounds the matches to a few: words none of which is frequent (fewer
 * than '_mot' words, ADR 004), ANDed. The page then reads them without building the mask.
 */
function fewMatches(text: TextQuery | undefined): boolean {
  const onlyAnd = (tree: WordTree): boolean => "word" in tree || (tree.op === "&" && tree.args.every(onlyAnd));
  return !!text?.tree && onlyAnd(text.tree) && wordsOf(text.tree).every((word) => text.frequent?.[word] === undefined);
}

/**
 * Ids of one results page of one tier, in order. The relevance order is bounded (ADR 004): the
 * RANKED_WINDOW most recent matches ranked by ts_rank, then the older matches by date. Up to
 * RANKED_WINDOW matches, this is exactly the ts_rank order over every match.
 */
function tierPageIdsSql(query: SearchQuery, text: TextQuery | undefined, limit: number, offset: number, facetIds?: FacetIds): Prisma.Sql {
  const where = initiativeFilterSql(query, { text, facetIds });
  const masked = !fewMatches(text);
  const mask = masked ? Prisma.sql`WITH mask AS (${searchMaskSql(query, text)})` : Prisma.empty;
  if (!(query.tri === "pertinence" && text?.q)) {
    // One branch only returns rows; the outer ORDER BY keeps their order whatever the plan.
    const outer = query.tri === "titre" ? Prisma.sql`c.title ASC, c.id ASC` : Prisma.sql`c.published DESC, c.id DESC`;
    return Prisma.sql`${mask} SELECT c.id FROM (${orderedMatchesSql(where, orderBySql(query, text), limit, offset, masked)}) c ORDER BY ${outer}`;
  }
  const recent = Prisma.sql`s."publishedAt" DESC, s."initiativeId" DESC`;
  // Scored after the LIMIT: a plan that sorts every match must not score every match.
  const ranked = Prisma.sql`
    SELECT w.id, w.published, ts_rank(r.document, ${tsquerySql(text)}) AS rank, 0 AS tier
    FROM (${orderedMatchesSql(where, recent, RANKED_WINDOW, 0, masked)}) w
    JOIN "InitiativeSearch" r ON r."initiativeId" = w.id`;
  // Older matches are read only when the page reaches past the window.
  const older =
    offset + limit > RANKED_WINDOW
      ? Prisma.sql`UNION ALL
          SELECT o.id, o.published, 0, 1 FROM (${orderedMatchesSql(where, recent, offset + limit - RANKED_WINDOW, RANKED_WINDOW, masked)}) o`
      : Prisma.empty;
  return Prisma.sql`${mask}
    SELECT c.id FROM ((${ranked}) ${older}) c
    ORDER BY c.tier, c.rank DESC, c.published DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`;
}

interface HitRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  title_marked: string;
  excerpt_marked: string;
  territories: SearchHit["territories"] | null;
  approaches: SearchHit["approaches"] | null;
  startYear: number | null;
  endYear: number | null;
  ongoing: boolean;
  publishedAt: Date | null;
  covering_place: { kind: SearchHit["territories"][number]["kind"]; name: string } | null;
}

/**
 * For a hit that covers the chosen places without lying inside them: its own place closest to
 * them, the finest kind first (an entry of the EPCI and the région is labelled by its EPCI). NULL otherwise.
 */
function coveringPlaceSql(codes: string[]): Prisma.Sql {
  if (codes.length === 0) return Prisma.sql`NULL::json`;
  return Prisma.sql`(
    SELECT json_build_object('kind', t.kind, 'name', t.name)
    FROM "InitiativeTerritory" it
    JOIN "TerritoryAncestor" ta ON ta."ancestorCode" = it."territoryCode" AND ta."descendantCode" = ANY(${codes}::text[]) AND ta.depth > 0
    JOIN "Territory" t ON t.code = it."territoryCode"
    WHERE it."initiativeId" = i.id
      AND NOT EXISTS (SELECT 1 FROM "InitiativeSearch" s WHERE s."initiativeId" = i.id AND s.facets && ARRAY(${insideIdsSql(codes)}))
    ORDER BY t.kind DESC, t.name LIMIT 1)`;
}

function resultsSql(query: SearchQuery, text: TextQuery | undefined, limit: number, offset: number, facetIds?: FacetIds): Prisma.Sql {
  const clean = (column: Prisma.Sql) => Prisma.sql`translate(${column}, ${HIGHLIGHT_START + HIGHLIGHT_END}, '')`;
  const options = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`;
  const excerptOptions = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const tsq = text?.q ? tsquerySql(text) : null;
  return Prisma.sql`
    WITH page AS (
      SELECT page.id, page.n FROM unnest(ARRAY(${pageIdsSql(query, text, limit, offset, facetIds)})) WITH ORDINALITY AS page(id, n)
    )
    SELECT i.id, i.slug, i.title, i.summary, i."startYear", i."endYear", i.ongoing, i."publishedAt",
      ${tsq ? Prisma.sql`ts_headline('french_unaccent', ${clean(Prisma.sql`i.title`)}, ${tsq}, ${options})` : Prisma.sql`i.title`} AS title_marked,
      ${
        tsq
          ? Prisma.sql`ts_headline('french_unaccent', ${clean(Prisma.sql`concat_ws(' ', i.summary, i.description, i.objectives, i.means, i.results)`)}, ${tsq}, ${excerptOptions})`
          : Prisma.sql`i.summary`
      } AS excerpt_marked,
      (SELECT json_agg(json_build_object('code', t.code, 'name', t.name, 'kind', t.kind) ORDER BY t.name)
         FROM "InitiativeTerritory" it JOIN "Territory" t ON t.code = it."territoryCode" WHERE it."initiativeId" = i.id) AS territories,
      (SELECT json_agg(json_build_object('slug', a.slug, 'label', a.label) ORDER BY a.position, a.label)
         FROM "InitiativeApproach" ia JOIN "Approach" a ON a.id = ia."approachId"
         WHERE ia."initiativeId" = i.id AND a."deletedAt" IS NULL) AS approaches,
      ${coveringPlaceSql(query.territoire)} AS covering_place
    FROM page JOIN "Initiative" i ON i.id = page.id
    ORDER BY page.n`;
}

/** The hits of one results page (see pageIdsSql for the order). */
export async function searchHits(
  db: Database,
  query: SearchQuery,
  text: TextQuery | undefined,
  limit: number,
  offset: number,
  facetIds?: FacetIds,
): Promise<SearchHit[]> {
  const rows = await queryRows<HitRow>(db, resultsSql(query, text, limit, offset, facetIds));
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    titleSegments: toSegments(row.title_marked),
    summary: row.summary,
    excerpt: toSegments(row.excerpt_marked),
    territories: row.territories ?? [],
    approaches: row.approaches ?? [],
    startYear: row.startYear,
    endYear: row.endYear,
    ongoing: row.ongoing,
    publishedAt: row.publishedAt,
    ...(row.covering_place ? { scale: scaleLabel(row.covering_place) } : {}),
  }));
}
