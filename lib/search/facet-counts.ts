/**
 * How many public initiatives a search finds, in total and per facet value, each facet counted
 * ignoring its own selection. One statement whatever the result size: masks are ANDs of the
 * posting bitmaps of "SearchPosting" (ADR 004), counts are bit counts.
 */
import { queryRows } from "@/lib/db/raw";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { canonicalFilters, VersionedCache } from "./cache";
import { coveringIdsSql, insideIdsSql, selectedPairs } from "./filters-sql";
import type { PlaceScope } from "./place-scope";
import { FILTER_KEYS, type FilterKey, type SearchQuery } from "./query";
import { type TerritoryDisplay, territoryDisplaySql } from "./territory-display";
import { lexemeSql, type TextQuery, tsquerySql, withWordTree, type WordTree, wordsOf } from "./tsquery";
import type { SearchResult } from "./types";

/**
 * Bitmap of the initiatives matching a tsquery, by chunk of 65,536 ids: built from the ids the
 * GIN index returns, as runs of zeros ending in a one. Costs about 1.5 µs per match.
 */
function ginMaskSql(tsquery: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT chunk, rpad(string_agg(repeat('0', gap) || '1', '' ORDER BY pos), 65536, '0')::varbit AS bits
    FROM (
      SELECT id >> 16 AS chunk, id & 65535 AS pos,
             (id & 65535) - COALESCE(lag(id & 65535) OVER (PARTITION BY id >> 16 ORDER BY id), -1) - 1 AS gap
      FROM (SELECT s."initiativeId" AS id FROM "InitiativeSearch" s WHERE s.document @@ ${tsquery}) m
    ) runs
    GROUP BY chunk`;
}

const EMPTY_CHUNK = Prisma.sql`repeat('0', 65536)::varbit`;
const ALL_TOKEN = Prisma.sql`(SELECT id FROM "SearchFacet" WHERE facet = '*' AND value = '*')`;

/**
 * Bitmap of the initiatives matching the text, as rows (chunk, '_text', bits). A query of
 * words, AND and OR combines one mask per word: the posting bitmap of a frequent word ('_mot'
 * values, kept by the triggers), else the word's few matches from the GIN index. Any other
 * query (phrase, negation) is built from the GIN index as a whole.
 */
function textMaskSql(text: TextQuery): Prisma.Sql {
  if (!text.tree) return Prisma.sql`SELECT chunk, '_text'::text AS facet, bits FROM (${ginMaskSql(tsquerySql(text))}) g`;
  const words = wordsOf(text.tree);
  const perWord = words.map((word, index) => {
    const id = text.frequent?.[word];
    return id === undefined
      ? Prisma.sql`SELECT ${index}::int AS k, g.chunk, g.bits FROM (${ginMaskSql(lexemeSql(word))}) g`
      : Prisma.sql`SELECT ${index}::int AS k, p.chunk, p.bits FROM "SearchPosting" p WHERE p.token = ${id}`;
  });
  const combine = (tree: WordTree): Prisma.Sql =>
    "word" in tree
      ? Prisma.sql`COALESCE(bit_or(w.bits) FILTER (WHERE w.k = ${words.indexOf(tree.word)}), ${EMPTY_CHUNK})`
      : Prisma.sql`(${Prisma.join(tree.args.map(combine), tree.op === "&" ? " & " : " | ")})`;
  return Prisma.sql`
    SELECT c.chunk, '_text'::text AS facet, ${combine(text.tree)} AS bits
    FROM "SearchPosting" c LEFT JOIN (${Prisma.join(perWord, " UNION ALL ")}) w ON w.chunk = c.chunk
    WHERE c.token = ${ALL_TOKEN}
    GROUP BY c.chunk`;
}

interface CountRow {
  facet: string;
  value: string;
  count: number;
}

/**
 * Bits of a place under a scope, from `inside` and `covering` bit strings of one chunk (both
 * never null): inside it, covering it and not inside, or either.
 */
function scopedBitsSql(scope: PlaceScope, inside: Prisma.Sql, covering: Prisma.Sql): Prisma.Sql {
  if (scope === "local") return inside;
  if (scope === "couvrant") return Prisma.sql`(${covering} & ~${inside})`;
  return Prisma.sql`(${inside} | ${covering})`;
}

/**
 * Counts of facet values under a search, each facet's counts ignoring that facet's own
 * selection (OR within a facet, AND across facets). One statement, whatever the result size:
 * masks are ANDs of posting bitmaps, counts are bit counts. `display` selects the SearchFacet
 * ids of the values to count, `territories` the territory codes (one text column). The row ('_total', '') is the total; with chosen places, the rows
 * ('_local', '') and ('_covering', '') split the matches inside them and covering them. Chosen
 * places and territory values count under the query's scope: a territory's count is what
 * choosing it would find.
 */
function facetCountsSql(
  query: SearchQuery,
  text: TextQuery | undefined,
  display: Prisma.Sql,
  territories: Prisma.Sql = Prisma.sql`SELECT NULL::text WHERE false`,
): Prisma.Sql {
  const { facets, values } = selectedPairs(query);
  const active = [...new Set(facets)];
  const places = query.territoire;
  const scope = query.portee;
  // Groups ANDed into the full mask: one per active facet, the text, and "every public initiative".
  const groupCount = active.length + (text?.q ? 1 : 0) + 1;
  const orEmpty = (bits: Prisma.Sql) => Prisma.sql`COALESCE(${bits}, ${EMPTY_CHUNK})`;
  // The chosen places' bits per chunk: inside one of them, and covering one of them.
  const place = places.length
    ? Prisma.sql`place AS (
      SELECT p.chunk,
             ${orEmpty(Prisma.sql`bit_or(p.bits) FILTER (WHERE k.inside)`)} AS inside,
             ${orEmpty(Prisma.sql`bit_or(p.bits) FILTER (WHERE NOT k.inside)`)} AS covering
      FROM (SELECT i.id, true AS inside FROM (${insideIdsSql(places)}) i
            UNION ALL SELECT c.id, false FROM (${coveringIdsSql(places)}) c) k
      JOIN "SearchPosting" p ON p.token = k.id
      GROUP BY p.chunk
    ),`
    : Prisma.empty;
  // A shown territory's bits: its own token and, unless the scope is local, the '_lieu' tokens
  // of its ancestors; a territory with nothing inside it has no token but may be covered.
  const shownTerritoryBits = Prisma.sql`
      SELECT sh.facet, sh.value, p.chunk,
             ${scopedBitsSql(
               scope,
               orEmpty(Prisma.sql`bit_or(p.bits) FILTER (WHERE k.inside)`),
               orEmpty(Prisma.sql`bit_or(p.bits) FILTER (WHERE NOT k.inside)`),
             )} AS bits
      FROM shown sh
      CROSS JOIN LATERAL (
        SELECT f.id AS token, true AS inside FROM "SearchFacet" f WHERE f.facet = 'territoire' AND f.value = sh.value
        ${
          scope === "local"
            ? Prisma.empty
            : Prisma.sql`UNION ALL
        SELECT f.id, false FROM "TerritoryAncestor" ta JOIN "SearchFacet" f ON f.facet = '_lieu' AND f.value = ta."ancestorCode"
        WHERE ta."descendantCode" = sh.value AND ta.depth > 0`
        }
      ) k
      JOIN "SearchPosting" p ON p.token = k.token
      WHERE sh.facet = 'territoire'
      GROUP BY sh.facet, sh.value, p.chunk`;
  return Prisma.sql`
    WITH ${place} selected AS (
      SELECT f.id, f.facet FROM "SearchFacet" f
      JOIN unnest(${facets}::text[], ${values}::text[]) AS v(facet, value) ON v.facet = f.facet AND v.value = f.value
    ),
    groups AS (
      SELECT p.chunk, sel.facet, bit_or(p.bits) AS bits
      FROM selected sel JOIN "SearchPosting" p ON p.token = sel.id
      ${places.length ? Prisma.sql`WHERE sel.facet <> 'territoire'` : Prisma.empty}
      GROUP BY p.chunk, sel.facet
      ${places.length ? Prisma.sql`UNION ALL SELECT pl.chunk, 'territoire', ${scopedBitsSql(scope, Prisma.sql`pl.inside`, Prisma.sql`pl.covering`)} FROM place pl` : Prisma.empty}
      UNION ALL
      SELECT p.chunk, '_all', p.bits FROM "SearchPosting" p
      WHERE p.token = (SELECT id FROM "SearchFacet" WHERE facet = '*' AND value = '*')
      ${text?.q ? Prisma.sql`UNION ALL ${textMaskSql(text)}` : Prisma.empty}
    ),
    targets AS (
      SELECT unnest(${active}::text[]) AS target UNION ALL SELECT '_full'
    ),
    masks AS (
      SELECT t.target, g.chunk, bit_and(g.bits) AS bits
      FROM targets t JOIN groups g ON g.facet <> t.target
      GROUP BY t.target, g.chunk
      HAVING count(*) = ${groupCount} - CASE WHEN t.target = '_full' THEN 0 ELSE 1 END
    ),
    shown AS (
      SELECT f.id, f.facet, f.value FROM "SearchFacet" f WHERE f.id IN (${display}) AND f.facet <> 'territoire'
      UNION ALL
      SELECT NULL::int, 'territoire', t.code FROM (${territories}) t(code)
    ),
    shown_bits AS (
      SELECT sh.facet, sh.value, p.chunk, p.bits FROM shown sh JOIN "SearchPosting" p ON p.token = sh.id
      UNION ALL
      ${shownTerritoryBits}
    )
    SELECT b.facet, b.value, COALESCE(sum(bit_count(m.bits & b.bits)), 0)::int AS count
    FROM shown_bits b
    JOIN masks m ON m.target = CASE WHEN b.facet = ANY(${active}::text[]) THEN b.facet ELSE '_full' END AND m.chunk = b.chunk
    GROUP BY b.facet, b.value
    UNION ALL
    SELECT '_total', '', COALESCE(sum(bit_count(bits)), 0)::int FROM masks WHERE target = '_full'
    ${
      places.length
        ? Prisma.sql`UNION ALL
    SELECT '_local', '', COALESCE(sum(bit_count(m.bits & pl.inside)), 0)::int
    FROM masks m JOIN place pl ON pl.chunk = m.chunk WHERE m.target = 'territoire'
    UNION ALL
    SELECT '_covering', '', COALESCE(sum(bit_count(m.bits & pl.covering & ~pl.inside)), 0)::int
    FROM masks m JOIN place pl ON pl.chunk = m.chunk WHERE m.target = 'territoire'`
        : Prisma.empty
    }`;
}

interface FacetCounts {
  total: number;
  counts: Map<string, number>;
  placeCounts?: SearchResult["placeCounts"];
}

/** Filter states whose counts are kept, per database client (least recently used dropped first). */
const FACET_COUNT_CACHE_SIZE = 500;

const facetCountCache = new VersionedCache<FacetCounts>(FACET_COUNT_CACHE_SIZE);

/**
 * Facet counts and total, cached by (data version, canonical filter state): repeated states
 * (the landing page, a département) skip the count statement, and an edit changes the version,
 * so the next request counts again. The version is read before counting: counts computed
 * after a concurrent commit are at worst fresher than their key, never older.
 */
export function cachedFacetCounts(
  db: Database,
  version: string | undefined,
  query: SearchQuery,
  text: TextQuery | undefined,
  display: TerritoryDisplay,
): Promise<FacetCounts> {
  const state = [canonicalFilters(query), query.portee, text?.q ?? "", text?.alternative ?? "", canonicalDisplay(display)];
  return facetCountCache.get(db, version, state, () => countFacets(db, query, text, display));
}

function canonicalDisplay(display: TerritoryDisplay): string[][] {
  return [[...new Set(display.shown)].sort(), [...new Set(display.expanded)].sort()];
}

/** Filter values (and the total) counted under a search: see facetCountsSql. */
async function countFacets(
  db: Database,
  query: SearchQuery,
  text: TextQuery | undefined,
  territories: TerritoryDisplay,
): Promise<FacetCounts> {
  const display = Prisma.sql`SELECT id FROM "SearchFacet" WHERE facet = ANY(${FILTER_KEYS.filter((key) => key !== "territoire")}::text[])`;
  const rows = await queryRows<CountRow>(db, facetCountsSql(query, text, display, territoryDisplaySql(territories)));
  let total = 0;
  const counts = new Map<string, number>();
  const placeCounts = query.territoire.length > 0 ? { local: 0, covering: 0 } : undefined;
  for (const row of rows) {
    if (row.facet === "_total") total = row.count;
    else if (row.facet === "_local" && placeCounts) placeCounts.local = row.count;
    else if (row.facet === "_covering" && placeCounts) placeCounts.covering = row.count;
    else counts.set(`${row.facet}\u0000${row.value}`, row.count);
  }
  return { total, counts, ...(placeCounts ? { placeCounts } : {}) };
}

/**
 * How many public initiatives match a search, per value of one facet (e.g. per territory code for
 * the map), ignoring that facet's own selection, like the facet counts of the search page.
 */
export async function countByFacetValue(
  db: Database,
  query: SearchQuery,
  facet: FilterKey,
  values: string[],
): Promise<Map<string, number>> {
  const display = Prisma.sql`SELECT id FROM "SearchFacet" WHERE facet = ${facet} AND value = ANY(${values}::text[])`;
  const territories = facet === "territoire" ? Prisma.sql`SELECT unnest(${values}::text[])` : undefined;
  const text = query.q ? await withWordTree(db, { q: query.q }) : undefined;
  const rows = await queryRows<CountRow>(db, facetCountsSql(query, text, display, territories));
  const counts = new Map(values.map((value) => [value, 0]));
  for (const row of rows) if (row.facet === facet) counts.set(row.value, row.count);
  return counts;
}
