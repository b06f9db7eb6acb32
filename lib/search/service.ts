/**
 * The public search over initiatives: results page, total and every facet's counts (one read
 * of the search version when cached, else three waves of parallel statements), for the
 * /initiatives page, the benchmark (scripts import this module: no "server-only" here, the
 * database comes as an argument), the map, the exports and the API.
 *
 * Everything reads the read model of docs/decisions/004-search-and-facets.md:
 * "InitiativeSearch" (one row per public initiative: tsvector, facet token ids) and
 * "SearchPosting" (one bitmap per facet value). Rows exist only for published, non-deleted
 * initiatives, so every query here is public by construction.
 */
import type { Database } from "@/lib/db/connect";
import { canonicalFilters, searchVersions, VersionedCache, type Versions } from "./cache";
import { emptyCatalogue, facetCatalogue } from "./facet-catalogue";
import { cachedFacetCounts } from "./facet-counts";
import { resolveFacetIds } from "./filters-sql";
import { readPlaceWords, type UnderstoodPlace } from "./place-words";
import { FILTER_KEYS, type FilterKey, type SearchQuery } from "./query";
import { searchHits } from "./results-sql";
import { chooseTextQuery } from "./text-choice";
import type { TerritoryDisplay } from "./territory-display";
import { type TextQuery, withWordTree } from "./tsquery";
import type { FacetValue, SearchHit, SearchResult } from "./types";

const DEFAULT_PAGE_SIZE = 20;

export interface SearchOptions {
  pageSize?: number;
  /** Territories whose next level down the facet shows too (« voir les communes »). */
  expandTerritories?: string[];
  /**
   * false: no facet is counted (every facet's list comes back empty), for lists that show the
   * entries and their total only (/recherche's groups, feeds): the counts of every facet value
   * are most of a computed search's work.
   */
  facets?: boolean;
}

/** Whole results kept (a page of hits and every facet: about 30 KB each). */
const RESULT_CACHE_SIZE = 200;
const resultCache = new VersionedCache<SearchResult>(RESULT_CACHE_SIZE);

/**
 * The search: results page, total, every facet's counts. Whole results are cached by (data
 * version, canonical query): a URL asked again since the last edit (the landing page, a
 * département, a shared link) costs one read of the version. Callers must not modify a result.
 */
export async function searchInitiatives(db: Database, query: SearchQuery, options: SearchOptions = {}): Promise<SearchResult> {
  const versions = await searchVersions(db);
  const state = [
    canonicalFilters(query),
    query.portee,
    query.q,
    query.interpret,
    query.tri,
    query.page,
    options.pageSize ?? DEFAULT_PAGE_SIZE,
    [...new Set(options.expandTerritories ?? [])].sort(),
    options.facets ?? true,
  ];
  return resultCache.get(db, versions.search, state, () => computeSearch(db, query, options, versions));
}

/**
 * The query as searched: its place words taken out of the text and added to the place filter
 * (lib/search/place-words.ts), unless `interpreter=non`. Every reader of a search query (page,
 * API, exports, feeds, map) goes through it, so that they all select the same entries.
 */
export async function interpretQuery(
  db: Database,
  query: SearchQuery,
  versions?: Versions,
): Promise<{ query: SearchQuery; places: UnderstoodPlace[] }> {
  if (!query.interpret || !query.q) return { query, places: [] };
  const reading = await readPlaceWords(db, query.q, (versions ?? (await searchVersions(db))).places);
  if (reading.places.length === 0) return { query, places: [] };
  const territoire = [...new Set([...query.territoire, ...reading.places.map((place) => place.code)])];
  return { query: { ...query, q: reading.q, territoire }, places: reading.places };
}

async function computeSearch(db: Database, typedQuery: SearchQuery, options: SearchOptions, versions: Versions): Promise<SearchResult> {
  const version = versions.search;
  const { query, places } = await interpretQuery(db, typedQuery, versions);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const display: TerritoryDisplay = {
    shown: [...new Set(query.territoire)],
    expanded: [...new Set(options.expandTerritories ?? [])],
  };
  const offset = (query.page - 1) * pageSize;

  // Independent reads in parallel, each wave awaited as a whole, so that a failed read is never
  // left unobserved while another is awaited.
  const withFacets = options.facets ?? true;
  const [typed, facetIds, catalogue] = await Promise.all([
    query.q ? withWordTree(db, { q: query.q }) : undefined,
    resolveFacetIds(db, query),
    withFacets ? facetCatalogue(db, display) : emptyCatalogue(),
  ]);
  const run = (text: TextQuery | undefined) =>
    Promise.all([
      cachedFacetCounts(db, version, query, text, withFacets ? display : null),
      searchHits(db, query, text, pageSize, offset, facetIds),
    ]);

  // Each text tried is searched in full: the last one tried is what the page shows.
  let [{ total, counts, placeCounts }, items] = [
    { total: 0, counts: new Map<string, number>(), placeCounts: undefined as SearchResult["placeCounts"] },
    [] as SearchHit[],
  ];
  const found = async (text: TextQuery | undefined) => {
    [{ total, counts, placeCounts }, items] = await run(text);
    return total;
  };
  const { text, correctedQuery, droppedWords } = await chooseTextQuery(db, query, typed, found, facetIds);
  if (droppedWords) await found(text);
  for (const year of withFacets ? query.annee.map(String) : []) {
    if (!catalogue.annee.some((entry) => entry.value === year)) catalogue.annee.push({ value: year, label: year });
  }

  const facets = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, catalogue[key].map((entry) => ({ ...entry, count: counts.get(`${key}\u0000${entry.value}`) ?? 0 }))]),
  ) as Record<FilterKey, FacetValue[]>;

  return {
    items,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    facets,
    ...(placeCounts ? { placeCounts } : {}),
    ...(correctedQuery ? { correctedQuery } : {}),
    places,
    ...(droppedWords ? { droppedWords } : {}),
  };
}
