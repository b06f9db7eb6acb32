/**
 * How many public initiatives a search finds, in total and per facet value, each facet counted
 * ignoring its own selection. One statement whatever the result size: masks are ANDs of the
 * posting bitmaps of "SearchPosting" (ADR 004), counts are bit counts.
 */
import { queryRows } from "@/lib/db/raw";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { canonicalFilters, VersionedCache } from "./cache";
import { selectedPairs } from "./filters-sql";
import { coveringBitsSql, insideBitsSql, maskGroupsSql, scopedBitsSql } from "./mask-sql";
import { FILTER_KEYS, type FilterKey, type SearchQuery } from "./query";
import { type TerritoryDisplay, territoryDisplaySql } from "./territory-display";
import { type TextQuery, withWordTree } from "./tsquery";
import type { SearchResult } from "./types";

interface CountRow {
  facet: string;
  value: string;
  count: number;
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
  const active = [...new Set(selectedPairs(query).facets)];
  const places = query.territoire;
  const scope = query.portee;
  const { ctes, groupCount } = maskGroupsSql(query, text);
  // A shown territory's bits: its own token and, unless the scope is local, the '_lieu' tokens
  // of its ancestors; a territory with nothing inside it has no token but may be covered.
  const shownTerritoryBits = Prisma.sql`
      SELECT sh.facet, sh.value, p.chunk,
             ${scopedBitsSql(scope, insideBitsSql, coveringBitsSql)} AS bits
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
    WITH ${ctes},
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
 * after a concurrent commit are at worst fresher than their key, never older. A null `display`
 * counts the total (and the place split) only, for lists that show no facet.
 */
export function cachedFacetCounts(
  db: Database,
  version: string | undefined,
  query: SearchQuery,
  text: TextQuery | undefined,
  display: TerritoryDisplay | null,
): Promise<FacetCounts> {
  const state = [canonicalFilters(query), query.portee, text?.q ?? "", text?.alternative ?? "", canonicalDisplay(display)];
  return facetCountCache.get(db, version, state, () => countFacets(db, query, text, display));
}

function canonicalDisplay(display: TerritoryDisplay | null): string[][] | null {
  return display && [[...new Set(display.shown)].sort(), [...new Set(display.expanded)].sort()];
}

/** Filter values (and the total) counted under a search: see facetCountsSql. */
async function countFacets(
  db: Database,
  query: SearchQuery,
  text: TextQuery | undefined,
  territories: TerritoryDisplay | null,
): Promise<FacetCounts> {
  // Without a display, no value is counted: the total (and the place split) only.
  const values = territories
    ? Prisma.sql`SELECT id FROM "SearchFacet" WHERE facet = ANY(${FILTER_KEYS.filter((key) => key !== "territoire")}::text[])`
    : Prisma.sql`SELECT NULL::int WHERE false`;
  const rows = await queryRows<CountRow>(
    db,
    facetCountsSql(query, text, values, territories ? territoryDisplaySql(territories) : undefined),
  );
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
