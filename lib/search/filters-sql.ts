/**
 * Which public initiatives a search selects, as SQL over `"InitiativeSearch" s`: the text and
 * every filter, territory filters under the query's place scope. Shared by the results page,
 * the facet counts, the map and the exports, so that they all select the same entries.
 */
import { queryRows } from "@/lib/db/raw";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import type { PlaceScope } from "./place-scope";
import { FILTER_KEYS, type FilterKey, type SearchQuery } from "./query";
import { lexemeSql, type TextQuery, tsquerySql, type WordTree } from "./tsquery";

export function filterValues(query: SearchQuery, key: FilterKey): string[] {
  return query[key].map(String);
}

/** Every selected filter value as parallel arrays (facet, value), for unnest() in SQL. */
export function selectedPairs(query: SearchQuery): { facets: FilterKey[]; values: string[] } {
  const facets: FilterKey[] = [];
  const values: string[] = [];
  for (const key of FILTER_KEYS) {
    for (const value of filterValues(query, key)) {
      facets.push(key);
      values.push(value);
    }
  }
  return { facets, values };
}

/**
 * The SQL condition, over `"InitiativeSearch" s`, that selects the public initiatives matching a
 * search (text and every filter; territory filters include everything inside the territory).
 * Use it as `SELECT s."initiativeId" FROM "InitiativeSearch" s WHERE ${initiativeFilterSql(q)}`.
 * `except` leaves one filter out (counts of that facet's values); `text` replaces the query's
 * text (a typo-corrected one from chooseTextQuery).
 */
export function initiativeFilterSql(
  query: SearchQuery,
  options: { except?: FilterKey; text?: TextQuery; facetIds?: FacetIds } = {},
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const text = options.text ?? (query.q ? { q: query.q } : undefined);
  if (text?.q) conditions.push(textConditionSql(text));
  for (const key of FILTER_KEYS) {
    const values = filterValues(query, key);
    if (key === options.except || values.length === 0) continue;
    if (key === "territoire") {
      conditions.push(placeConditionSql(query.territoire, query.portee, options.facetIds));
      continue;
    }
    const ids = options.facetIds?.[key];
    if (ids) {
      // Known ids let the planner estimate how many rows match (statistics of facets).
      conditions.push(Prisma.sql`s.facets && ${ids}::int[]`);
      continue;
    }
    // ARRAY(subquery) is computed once (an init plan), so the GIN index on facets applies; the
    // planner guesses its selectivity, though (1 %), whatever the values.
    conditions.push(
      Prisma.sql`s.facets && ARRAY(SELECT f.id FROM "SearchFacet" f WHERE f.facet = ${key} AND f.value = ANY(${values}::text[]))`,
    );
  }
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/**
 * The text as a condition over `s`. A query of words, AND and OR tests each frequent word on
 * `facets` (its '_mot' id is there exactly when the word is in the document, ADR 004), whose GIN
 * index and statistics know how common the word is: a frequent word's GIN posting list in the
 * document index is long to read (160 ms for « médiation » in half the base, where the chosen
 * town had 1,500 entries). Other words and queries go to the document's GIN index.
 */
function textConditionSql(text: TextQuery): Prisma.Sql {
  const { tree, frequent } = text;
  if (!tree || !frequent || Object.keys(frequent).length === 0) return Prisma.sql`s.document @@ ${tsquerySql(text)}`;
  const condition = (node: WordTree): Prisma.Sql => {
    if ("word" in node) {
      const id = frequent[node.word];
      return id === undefined ? Prisma.sql`s.document @@ ${lexemeSql(node.word)}` : Prisma.sql`s.facets @> ARRAY[${id}::int]`;
    }
    return Prisma.sql`(${Prisma.join(node.args.map(condition), node.op === "&" ? " AND " : " OR ")})`;
  };
  return condition(tree);
}

/**
 * SearchFacet ids of the selected values, per filter (resolveFacetIds); `covering`: the '_lieu'
 * ids of the chosen places' strict ancestors.
 */
export type FacetIds = Partial<Record<FilterKey | "covering", number[]>>;

/**
 * The '_lieu' SearchFacet ids of entries that cover the chosen places: each place's strict
 * ancestors (its EPCI, département, région), never a sibling (TerritoryAncestor only goes up).
 */
export function coveringIdsSql(codes: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT f.id FROM "TerritoryAncestor" ta JOIN "SearchFacet" f ON f.facet = '_lieu' AND f.value = ta."ancestorCode"
    WHERE ta."descendantCode" = ANY(${codes}::text[]) AND ta.depth > 0`;
}

export function insideIdsSql(codes: string[]): Prisma.Sql {
  return Prisma.sql`SELECT f.id FROM "SearchFacet" f WHERE f.facet = 'territoire' AND f.value = ANY(${codes}::text[])`;
}

/**
 * Over `"InitiativeSearch" s`: the entries the chosen places bring under a scope. Inside a place
 * is its 'territoire' token (which every entry within it carries); covering is a '_lieu' token
 * of one of its ancestors. An entry both inside and covering counts as inside.
 */
function placeConditionSql(codes: string[], scope: PlaceScope, ids?: FacetIds): Prisma.Sql {
  const inside = ids?.territoire ? Prisma.sql`${ids.territoire}::int[]` : Prisma.sql`ARRAY(${insideIdsSql(codes)})`;
  const covering = ids?.covering ? Prisma.sql`${ids.covering}::int[]` : Prisma.sql`ARRAY(${coveringIdsSql(codes)})`;
  if (scope === "local") return Prisma.sql`s.facets && ${inside}`;
  if (scope === "couvrant") return Prisma.sql`(s.facets && ${covering} AND NOT s.facets && ${inside})`;
  // One array: a single GIN lookup.
  return Prisma.sql`s.facets && (${inside} || ${covering})`;
}

/**
 * The SearchFacet ids of a query's filter values, for initiativeFilterSql. With ids instead of
 * a subquery, a selective filter (two communes) reads its few rows through the GIN index instead
 * of walking the date index: 147 ms → 1 ms at 200,000 initiatives (ADR 004).
 */
export async function resolveFacetIds(db: Database, query: SearchQuery): Promise<FacetIds> {
  const { facets, values } = selectedPairs(query);
  const ids: FacetIds = {};
  for (const key of new Set(facets)) ids[key] = [];
  if (facets.length === 0) return ids;
  const places = query.territoire.length > 0;
  if (places) ids.covering = [];
  const rows = await queryRows<{ facet: FilterKey | "covering"; id: number }>(
    db,
    Prisma.sql`
    SELECT f.facet, f.id FROM "SearchFacet" f
    JOIN unnest(${facets}::text[], ${values}::text[]) AS v(facet, value) ON v.facet = f.facet AND v.value = f.value
    ${places ? Prisma.sql`UNION ALL SELECT 'covering', c.id FROM (${coveringIdsSql(query.territoire)}) c` : Prisma.empty}`,
  );
  for (const row of rows) ids[row.facet]!.push(row.id);
  return ids;
}

/** SELECT of the ids of the matching public initiatives, for IN (...) or joins. */
export function matchingInitiativeIdsSql(query: SearchQuery, options: { text?: TextQuery } = {}): Prisma.Sql {
  return Prisma.sql`SELECT s."initiativeId" FROM "InitiativeSearch" s WHERE ${initiativeFilterSql(query, options)}`;
}
