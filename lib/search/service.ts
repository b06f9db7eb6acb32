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
import { Prisma } from "@/lib/db/generated/client";
import { actorKindLabels } from "@/lib/format/labels";
import { HIGHLIGHT_END, HIGHLIGHT_START, type Segment, toSegments } from "./highlight";
import { readPlaceWords, type UnderstoodPlace } from "./place-words";
import { actorKindParams, FILTER_KEYS, type FilterKey, type SearchQuery } from "./query";

export const DEFAULT_PAGE_SIZE = 20;
/** Below this many exact results, the query is widened with typo corrections. */
const FEW_RESULTS = 3;

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  /** The title with the query's words highlighted. */
  titleSegments: Segment[];
  summary: string;
  /** Summary or passages of the text around the query's words, highlighted. */
  excerpt: Segment[];
  territories: { code: string; name: string; kind: "REGION" | "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV" }[];
  approaches: { slug: string; label: string }[];
  startYear: number | null;
  endYear: number | null;
  ongoing: boolean;
  publishedAt: Date | null;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  facets: Record<FilterKey, FacetValue[]>;
  /** Set when the exact search found little and typo corrections widened it ("discrimination"). */
  correctedQuery?: string;
  /** Words of the query read as places (« Roubaix »), searched as place filters instead of text. */
  places: UnderstoodPlace[];
  /** Set when all the words together found nothing: the words left out of the results shown. */
  droppedWords?: string[];
}

export interface SearchOptions {
  pageSize?: number;
  /** More territories to count and show in the territory facet (e.g. the picker's matches). */
  extraTerritories?: string[];
}

/** The text part of a search: the words typed, and optionally a corrected spelling OR-ed in. */
export interface TextQuery {
  q: string;
  alternative?: string;
  /** The query's lexemes and operators, when made only of words, AND and OR (see wordTree). */
  tree?: WordTree;
  /** The tsquery of q (and alternative) as text, once computed (withWordTree). */
  tsquery?: string;
}

/** A tsquery made only of lexemes, & and |: its mask can be combined from one mask per word. */
export type WordTree = { word: string } | { op: "&" | "|"; args: WordTree[] };

/**
 * Parses the text form of a tsquery ("'lutt' & 'discrimin'", "( 'a' | 'b' ) & 'c'") into a
 * WordTree; undefined for anything else (phrases, negation, prefixes, weights), which then goes
 * through the GIN index as a whole. `&` binds tighter than `|`, as in PostgreSQL.
 */
export function parseWordTree(tsquery: string): WordTree | undefined {
  const tokens: string[] = [];
  const pattern = /\s*('(?:[^'\\]|''|\\.)*'|&|\||\(|\))/y;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < tsquery.length && (match = pattern.exec(tsquery))) tokens.push(match[1]!);
  if (tsquery.slice(pattern.lastIndex).trim() !== "" || tokens.length === 0) return undefined;
  let at = 0;
  const binary = (op: "&" | "|", operand: () => WordTree | undefined): WordTree | undefined => {
    const args: WordTree[] = [];
    do {
      const arg = operand();
      if (!arg) return undefined;
      args.push(arg);
    } while (tokens[at] === op && ++at);
    return args.length === 1 ? args[0] : { op, args };
  };
  const primary = (): WordTree | undefined => {
    const token = tokens[at++];
    if (token === "(") {
      const inner = binary("|", () => binary("&", primary));
      return tokens[at++] === ")" ? inner : undefined;
    }
    if (!token?.startsWith("'")) return undefined;
    return { word: token.slice(1, -1).replace(/''/g, "'").replace(/\\(.)/g, "$1") };
  };
  const tree = binary("|", () => binary("&", primary));
  return at === tokens.length ? tree : undefined;
}

function wordsOf(tree: WordTree): string[] {
  return "word" in tree ? [tree.word] : [...new Set(tree.args.flatMap(wordsOf))];
}

/** Adds the word tree of a text query (one round trip: stemming is PostgreSQL's). */
export async function withWordTree(db: Database, text: TextQuery): Promise<TextQuery> {
  const [row] = await db.$queryRaw<{ tsquery: string }[]>(Prisma.sql`SELECT ${tsquerySql({ q: text.q, alternative: text.alternative })}::text AS tsquery`);
  if (!row) return text;
  const tree = parseWordTree(row.tsquery);
  return { ...text, tsquery: row.tsquery, ...(tree ? { tree } : {}) };
}

/**
 * The tsquery of a text query: each word or synonym phrase of the field ORed with its synonyms
 * and its hyphen-free spelling, the groups ANDed (reperes_search_tsquery, migration
 * search_synonyms). Computed once per statement (a sub-select), or given as text when known.
 */
function tsquerySql(text: TextQuery): Prisma.Sql {
  if (text.tsquery !== undefined) return Prisma.sql`${text.tsquery}::tsquery`;
  const exact = Prisma.sql`reperes_search_tsquery(${text.q})`;
  return text.alternative ? Prisma.sql`(SELECT ${exact} || reperes_search_tsquery(${text.alternative}))` : Prisma.sql`(SELECT ${exact})`;
}

function filterValues(query: SearchQuery, key: FilterKey): string[] {
  return query[key].map(String);
}

/** Every selected filter value as parallel arrays (facet, value), for unnest() in SQL. */
function selectedPairs(query: SearchQuery): { facets: FilterKey[]; values: string[] } {
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
 * text (a typo-corrected one from resolveTextQuery).
 */
export function initiativeFilterSql(query: SearchQuery, options: { except?: FilterKey; text?: TextQuery; facetIds?: FacetIds } = {}): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const text = options.text ?? (query.q ? { q: query.q } : undefined);
  if (text?.q) conditions.push(Prisma.sql`s.document @@ ${tsquerySql(text)}`);
  for (const key of FILTER_KEYS) {
    const values = filterValues(query, key);
    if (key === options.except || values.length === 0) continue;
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

/** SearchFacet ids of the selected values, per filter (resolveFacetIds). */
export type FacetIds = Partial<Record<FilterKey, number[]>>;

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
  const rows = await db.$queryRaw<{ facet: FilterKey; id: number }[]>(Prisma.sql`
    SELECT f.facet, f.id FROM "SearchFacet" f
    JOIN unnest(${facets}::text[], ${values}::text[]) AS v(facet, value) ON v.facet = f.facet AND v.value = f.value`);
  for (const row of rows) ids[row.facet]!.push(row.id);
  return ids;
}

/** SELECT of the ids of the matching public initiatives, for IN (...) or joins. */
export function matchingInitiativeIdsSql(query: SearchQuery, options: { text?: TextQuery } = {}): Prisma.Sql {
  return Prisma.sql`SELECT s."initiativeId" FROM "InitiativeSearch" s WHERE ${initiativeFilterSql(query, options)}`;
}

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
    const lexeme = `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
    return Prisma.sql`
      SELECT ${index}::int AS k, p.chunk, p.bits FROM "SearchPosting" p
      WHERE p.token = (SELECT id FROM "SearchFacet" WHERE facet = '_mot' AND value = ${word})
      UNION ALL
      SELECT ${index}::int, g.chunk, g.bits FROM (${ginMaskSql(Prisma.sql`${lexeme}::tsquery`)}) g
      WHERE NOT EXISTS (SELECT 1 FROM "SearchFacet" WHERE facet = '_mot' AND value = ${word})`;
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
 * Counts of facet values under a search, each facet's counts ignoring that facet's own
 * selection (OR within a facet, AND across facets). One statement, whatever the result size:
 * masks are ANDs of posting bitmaps, counts are bit counts. `display` selects the SearchFacet
 * ids of the values to count. The row ('_total', '') is the total.
 */
export function facetCountsSql(query: SearchQuery, text: TextQuery | undefined, display: Prisma.Sql): Prisma.Sql {
  const { facets, values } = selectedPairs(query);
  const active = [...new Set(facets)];
  // Groups ANDed into the full mask: one per active facet, the text, and "every public initiative".
  const groupCount = active.length + (text?.q ? 1 : 0) + 1;
  return Prisma.sql`
    WITH selected AS (
      SELECT f.id, f.facet FROM "SearchFacet" f
      JOIN unnest(${facets}::text[], ${values}::text[]) AS v(facet, value) ON v.facet = f.facet AND v.value = f.value
    ),
    groups AS (
      SELECT p.chunk, sel.facet, bit_or(p.bits) AS bits
      FROM selected sel JOIN "SearchPosting" p ON p.token = sel.id
      GROUP BY p.chunk, sel.facet
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
      SELECT f.id, f.facet, f.value,
             CASE WHEN f.facet = ANY(${active}::text[]) THEN f.facet ELSE '_full' END AS target
      FROM "SearchFacet" f WHERE f.id IN (${display})
    )
    SELECT sh.facet, sh.value, COALESCE(sum(bit_count(m.bits & p.bits)), 0)::int AS count
    FROM shown sh
    JOIN "SearchPosting" p ON p.token = sh.id
    JOIN masks m ON m.target = sh.target AND m.chunk = p.chunk
    GROUP BY sh.facet, sh.value
    UNION ALL
    SELECT '_total', '', COALESCE(sum(bit_count(bits)), 0)::int FROM masks WHERE target = '_full'`;
}

/**
 * The next level down of some territories: région → départements, département → the EPCI with a
 * commune in it (an EPCI may span two départements, so it is not linked under one), EPCI →
 * communes, commune → QPV. Shared by the territory facet and the territory pages.
 */
export function territoryChildrenSql(codes: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT l."childCode" AS code FROM "TerritoryParent" l
    JOIN "Territory" p ON p.code = l."parentCode" JOIN "Territory" c ON c.code = l."childCode"
    WHERE l."parentCode" = ANY(${codes}::text[])
      AND ((p.kind = 'REGION' AND c.kind = 'DEPARTEMENT') OR p.kind IN ('EPCI', 'COMMUNE'))
    UNION
    SELECT e."parentCode" FROM "TerritoryParent" d
    JOIN "Territory" dt ON dt.code = d."parentCode" AND dt.kind = 'DEPARTEMENT'
    JOIN "TerritoryParent" e ON e."childCode" = d."childCode"
    JOIN "Territory" et ON et.code = e."parentCode" AND et.kind = 'EPCI'
    WHERE d."parentCode" = ANY(${codes}::text[])`;
}

/** Territories shown in the facet: the départements, the selected ones and their next level down. */
export function territoryDisplaySql(selected: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT code FROM "Territory" WHERE kind = 'DEPARTEMENT'
    UNION SELECT unnest(${selected}::text[])
    UNION ${territoryChildrenSql(selected)}`;
}

/**
 * Looks for misspelt words of the query (unknown to the index, close to a known word by
 * trigram similarity) and returns the corrected query, or undefined when nothing changes.
 */
export async function correctQuery(db: Database, q: string): Promise<string | undefined> {
  const rows = await db.$queryRaw<{ word: string; fix: string | null }[]>(Prisma.sql`
    SELECT w.word,
           CASE WHEN EXISTS (SELECT 1 FROM "SearchWord" k WHERE k.word = w.word) THEN NULL
                WHEN length(w.word) < 4 THEN NULL
                ELSE (SELECT k.word FROM "SearchWord" k WHERE k.word % w.word AND similarity(k.word, w.word) >= 0.4
                      ORDER BY similarity(k.word, w.word) DESC, k.word LIMIT 1) END AS fix
    FROM regexp_split_to_table(lower(reperes_unaccent(${q})), '[^a-z0-9]+') WITH ORDINALITY AS w(word, n)
    WHERE w.word <> ''
    ORDER BY w.n`);
  if (!rows.some((row) => row.fix && row.fix !== row.word)) return undefined;
  return rows.map((row) => row.fix ?? row.word).join(" ");
}

type Vocabulary = Exclude<FilterKey, "territoire" | "acteur" | "statut" | "annee">;
const vocabularyTables: Record<Vocabulary, string> = {
  approche: "Approach",
  theme: "Theme",
  critere: "DiscriminationCriterion",
  domaine: "Domain",
  public: "Public",
};

const statusLabels = { "en-cours": "En cours", termine: "Terminée" } as const;

/**
 * ORDER BY of the results (over `"InitiativeSearch" s`), shared with the exports, which rank
 * every match (they read every row anyway); the page ranks a bounded window (pageIdsSql).
 */
export function orderBySql(query: SearchQuery, text: TextQuery | undefined): Prisma.Sql {
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
 * Ids of one results page, in order. The relevance order is bounded (ADR 004): the
 * RANKED_WINDOW most recent matches ranked by ts_rank, then the older matches by date. Up to
 * RANKED_WINDOW matches, this is exactly the ts_rank order over every match.
 */
function pageIdsSql(query: SearchQuery, text: TextQuery | undefined, limit: number, offset: number, facetIds?: FacetIds): Prisma.Sql {
  const where = initiativeFilterSql(query, { text, facetIds });
  if (!(query.tri === "pertinence" && text?.q)) {
    return Prisma.sql`
      SELECT s."initiativeId" FROM "InitiativeSearch" s WHERE ${where}
      ORDER BY ${orderBySql(query, text)} LIMIT ${limit} OFFSET ${offset}`;
  }
  const recent = Prisma.sql`s."publishedAt" DESC, s."initiativeId" DESC`;
  // Scored after the LIMIT: a plan that sorts every match must not score every match.
  const ranked = Prisma.sql`
    SELECT w.id, w.published, ts_rank(r.document, ${tsquerySql(text)}) AS rank, 0 AS tier
    FROM (SELECT s."initiativeId" AS id, s."publishedAt" AS published FROM "InitiativeSearch" s
          WHERE ${where} ORDER BY ${recent} LIMIT ${RANKED_WINDOW}) w
    JOIN "InitiativeSearch" r ON r."initiativeId" = w.id`;
  // Older matches are read only when the page reaches past the window.
  const older =
    offset + limit > RANKED_WINDOW
      ? Prisma.sql`UNION ALL (
          SELECT s."initiativeId", s."publishedAt", 0, 1 FROM "InitiativeSearch" s WHERE ${where}
          ORDER BY ${recent} LIMIT ${offset + limit - RANKED_WINDOW} OFFSET ${RANKED_WINDOW})`
      : Prisma.empty;
  return Prisma.sql`
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
}

export function resultsSql(query: SearchQuery, text: TextQuery | undefined, limit: number, offset: number, facetIds?: FacetIds): Prisma.Sql {
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
         WHERE ia."initiativeId" = i.id AND a."deletedAt" IS NULL) AS approaches
    FROM page JOIN "Initiative" i ON i.id = page.id
    ORDER BY page.n`;
}

/** Labels of the vocabularies, in their editorial order (small tables: one query). */
function vocabularySql(): Prisma.Sql {
  const parts = Object.entries(vocabularyTables).map(
    ([facet, table]) =>
      Prisma.sql`SELECT ${facet}::text AS facet, slug AS value, label, position FROM ${Prisma.raw(`"${table}"`)} WHERE "deletedAt" IS NULL`,
  );
  return Prisma.sql`${Prisma.join(parts, " UNION ALL ")} ORDER BY facet, position, label`;
}

/** The values every facet shows, with their labels, whatever their count. */
async function facetCatalogue(db: Database, shownTerritories: string[]) {
  const [vocabulary, territories, years] = await Promise.all([
    db.$queryRaw<{ facet: Vocabulary; value: string; label: string }[]>(vocabularySql()),
    db.$queryRaw<{ code: string; name: string }[]>(Prisma.sql`
      SELECT code, name FROM "Territory" WHERE code IN (${territoryDisplaySql(shownTerritories)}) ORDER BY kind, name`),
    db.$queryRaw<{ value: string }[]>(Prisma.sql`
      SELECT value FROM "SearchFacet" WHERE facet = 'annee' ORDER BY value DESC`),
  ]);
  const catalogue = Object.fromEntries(FILTER_KEYS.map((key) => [key, [] as { value: string; label: string }[]])) as Record<
    FilterKey,
    { value: string; label: string }[]
  >;
  for (const row of vocabulary) catalogue[row.facet].push({ value: row.value, label: row.label });
  catalogue.territoire = territories.map((t) => ({ value: t.code, label: t.name }));
  catalogue.acteur = Object.entries(actorKindParams).map(([value, kind]) => ({ value, label: actorKindLabels[kind] }));
  catalogue.statut = Object.entries(statusLabels).map(([value, label]) => ({ value, label }));
  catalogue.annee = years.map(({ value }) => ({ value, label: value }));
  return catalogue;
}

/** Resolves the text part: the typed words, widened by corrections when they find little. */
export async function resolveTextQuery(db: Database, query: SearchQuery, exactTotal: number): Promise<TextQuery | undefined> {
  if (!query.q) return undefined;
  if (exactTotal >= FEW_RESULTS) return { q: query.q };
  const corrected = await correctQuery(db, query.q);
  return corrected ? { q: query.q, alternative: corrected } : { q: query.q };
}

interface FacetCounts {
  total: number;
  counts: Map<string, number>;
}

/** Filter states whose counts are kept, per database client (least recently used dropped first). */
export const FACET_COUNT_CACHE_SIZE = 500;
/** Whole results kept (a page of hits and every facet: about 30 KB each). */
export const RESULT_CACHE_SIZE = 200;

/**
 * Promises of computed values, per database client, in an LRU keyed by string. The promise is
 * kept, so that concurrent requests for one key compute once; a rejected one is forgotten.
 */
class PromiseCache<T> {
  private readonly caches = new WeakMap<Database, Map<string, Promise<T>>>();

  constructor(private readonly size: number) {}

  get(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
    const cache = this.caches.get(db) ?? new Map<string, Promise<T>>();
    this.caches.set(db, cache);
    let value = cache.get(key);
    if (value) cache.delete(key);
    else {
      value = compute();
      value.catch(() => cache.delete(key));
    }
    cache.set(key, value);
    for (const oldest of cache.keys()) {
      if (cache.size <= this.size) break;
      cache.delete(oldest);
    }
    return value;
  }
}

const facetCountCache = new PromiseCache<FacetCounts>(FACET_COUNT_CACHE_SIZE);
const resultCache = new PromiseCache<SearchResult>(RESULT_CACHE_SIZE);

/**
 * The version of what search shows: statement triggers on "InitiativeSearch", the vocabularies
 * and the territories bump it in the editing transaction, so a reader sees a new version exactly
 * when it can see the edit.
 */
async function searchVersions(db: Database): Promise<Versions> {
  const rows = await db.$queryRaw<{ id: number; version: bigint }[]>(Prisma.sql`SELECT id, version FROM "SearchVersion" WHERE id IN (1, 2)`);
  const of = (id: number) => {
    const row = rows.find((r) => r.id === id);
    return row ? String(row.version) : undefined;
  };
  return { search: of(1), places: of(2) };
}

/** Row 1: the search version; row 2: the version of the place names (territories only). */
interface Versions {
  search: string | undefined;
  places: string | undefined;
}

/**
 * Facet counts and total, cached by (data version, canonical filter state): repeated states
 * (the landing page, a département) skip the count statement, and an edit changes the version,
 * so the next request counts again. The version is read before counting: counts computed
 * after a concurrent commit are at worst fresher than their key, never older.
 */
function cachedFacetCounts(
  db: Database,
  version: string | undefined,
  query: SearchQuery,
  text: TextQuery | undefined,
  territories: string[],
): Promise<FacetCounts> {
  if (version === undefined) return countFacets(db, query, text, territories);
  const state = [canonicalFilters(query), text?.q ?? "", text?.alternative ?? "", [...new Set(territories)].sort()];
  return facetCountCache.get(db, `${version}\u0000${JSON.stringify(state)}`, () => countFacets(db, query, text, territories));
}

/** Every filter's values, deduplicated and sorted: one key for the states that select the same. */
function canonicalFilters(query: SearchQuery): string[][] {
  return FILTER_KEYS.map((key) => [...new Set(filterValues(query, key))].sort());
}

/** Filter values (and the total) counted under a search: see facetCountsSql. */
async function countFacets(db: Database, query: SearchQuery, text: TextQuery | undefined, territories: string[]): Promise<FacetCounts> {
  const display = Prisma.sql`
    SELECT id FROM "SearchFacet" WHERE facet = ANY(${FILTER_KEYS.filter((key) => key !== "territoire")}::text[])
    UNION ALL
    SELECT id FROM "SearchFacet" WHERE facet = 'territoire' AND value IN (${territoryDisplaySql(territories)})`;
  const rows = await db.$queryRaw<CountRow[]>(facetCountsSql(query, text, display));
  let total = 0;
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.facet === "_total") total = row.count;
    else counts.set(`${row.facet}\u0000${row.value}`, row.count);
  }
  return { total, counts };
}

/**
 * How many public initiatives match a search, per value of one facet (e.g. per territory code for
 * the map), ignoring that facet's own selection, like the facet counts of the search page.
 */
export async function countByFacetValue(db: Database, query: SearchQuery, facet: FilterKey, values: string[]): Promise<Map<string, number>> {
  const display = Prisma.sql`SELECT id FROM "SearchFacet" WHERE facet = ${facet} AND value = ANY(${values}::text[])`;
  const text = query.q ? await withWordTree(db, { q: query.q }) : undefined;
  const rows = await db.$queryRaw<CountRow[]>(facetCountsSql(query, text, display));
  const counts = new Map(values.map((value) => [value, 0]));
  for (const row of rows) if (row.facet === facet) counts.set(row.value, row.count);
  return counts;
}

/**
 * The search: results page, total, every facet's counts. Whole results are cached by (data
 * version, canonical query): a URL asked again since the last edit (the landing page, a
 * département, a shared link) costs one read of the version. Callers must not modify a result.
 */
export async function searchInitiatives(db: Database, query: SearchQuery, options: SearchOptions = {}): Promise<SearchResult> {
  const versions = await searchVersions(db);
  const version = versions.search;
  if (version === undefined) return computeSearch(db, query, options, versions);
  const state = [
    canonicalFilters(query),
    query.q,
    query.interpret,
    query.tri,
    query.page,
    options.pageSize ?? DEFAULT_PAGE_SIZE,
    [...new Set(options.extraTerritories ?? [])].sort(),
  ];
  return resultCache.get(db, `${version}\u0000${JSON.stringify(state)}`, () => computeSearch(db, query, options, versions));
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
  // PostgreSQL refuses NUL in text; other control characters are spaces to a reader too.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(query.q)) query = { ...query, q: query.q.replace(/[\u0000-\u001f\u007f]+/g, " ").trim() };
  if (!query.interpret || !query.q) return { query, places: [] };
  const reading = await readPlaceWords(db, query.q, (versions ?? (await searchVersions(db))).places);
  if (reading.places.length === 0) return { query, places: [] };
  const territoire = [...new Set([...query.territoire, ...reading.places.map((place) => place.code)])];
  return { query: { ...query, q: reading.q, territoire }, places: reading.places };
}

/** Longest query (in words) whose partial matches are looked for: 6 words, at most 41 word sets. */
const MAX_RELAXED_WORDS = 6;
const RELAXED_COUNT_CAP = 1000;

function subsetsOfSize(n: number, size: number): number[][] {
  if (size === 0) return [[]];
  if (n < size) return [];
  return [...subsetsOfSize(n - 1, size - 1).map((rest) => [...rest, n - 1]), ...subsetsOfSize(n - 1, size)];
}

/**
 * When all the words together find nothing: the largest set of the query's words (at least half
 * of them) that finds something, the one finding most among sets of that size, and the words
 * left out. One statement counts every candidate set. A query of words that each find nothing
 * stays empty.
 */
export async function relaxTextQuery(
  db: Database,
  query: SearchQuery,
  text: TextQuery,
  facetIds?: FacetIds,
): Promise<{ q: string; droppedWords: string[] } | undefined> {
  const groups = await db.$queryRaw<{ words: string; tsquery: string }[]>(Prisma.sql`
    SELECT group_words AS words, group_query::text AS tsquery FROM reperes_search_groups(${text.alternative ?? text.q}) ORDER BY group_no`);
  if (groups.length < 2 || groups.length > MAX_RELAXED_WORDS) return undefined;
  const candidates: number[][] = [];
  for (let size = groups.length - 1; size >= Math.ceil(groups.length / 2); size--) candidates.push(...subsetsOfSize(groups.length, size));
  const filters = initiativeFilterSql({ ...query, q: "" }, { facetIds });
  // Each set is an AND (selective, through the GIN index), counted up to a cap: a set of
  // frequent words costs a bounded read, and beyond the cap "finds most" makes no difference.
  const counts = candidates.map((members) => {
    const tsquery = members.map((index) => `( ${groups[index]!.tsquery} )`).join(" & ");
    return Prisma.sql`(SELECT count(*)::int FROM (
      SELECT 1 FROM "InitiativeSearch" s WHERE ${filters} AND s.document @@ ${tsquery}::tsquery LIMIT ${RELAXED_COUNT_CAP}) c)`;
  });
  const [row] = await db.$queryRaw<{ counts: number[] }[]>(Prisma.sql`SELECT ARRAY[${Prisma.join(counts)}] AS counts`);
  let best: number[] | undefined;
  let bestCount = 0;
  candidates.forEach((members, index) => {
    const count = row?.counts[index] ?? 0;
    if (count > bestCount && (!best || members.length === best.length)) {
      best = members;
      bestCount = count;
    }
  });
  if (!best) return undefined;
  const kept = best;
  return {
    q: kept.map((index) => groups[index]!.words).join(" "),
    droppedWords: groups.filter((_, index) => !kept.includes(index)).map((group) => group.words),
  };
}

async function computeSearch(db: Database, typedQuery: SearchQuery, options: SearchOptions, versions: Versions): Promise<SearchResult> {
  const version = versions.search;
  const { query, places } = await interpretQuery(db, typedQuery, versions);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const shownTerritories = [...new Set([...query.territoire, ...(options.extraTerritories ?? [])])];
  const offset = (query.page - 1) * pageSize;

  // Independent reads in parallel, each wave awaited as a whole, so that a failed read is never
  // left unobserved while another is awaited.
  const [typed, facetIds, catalogue] = await Promise.all([
    query.q ? withWordTree(db, { q: query.q }) : undefined,
    resolveFacetIds(db, query),
    facetCatalogue(db, shownTerritories),
  ]);
  const run = (text: TextQuery | undefined) =>
    Promise.all([
      cachedFacetCounts(db, version, query, text, shownTerritories),
      db.$queryRaw<HitRow[]>(resultsSql(query, text, pageSize, offset, facetIds)),
    ]);

  let text = typed;
  let [{ total, counts }, rows] = await run(text);
  let correctedQuery: string | undefined;
  let droppedWords: string[] | undefined;
  if (text && total < FEW_RESULTS) {
    const widened = await resolveTextQuery(db, query, total);
    if (widened?.alternative) {
      text = await withWordTree(db, widened);
      correctedQuery = widened.alternative;
      [{ total, counts }, rows] = await run(text);
    }
  }
  if (text && total === 0) {
    const relaxed = await relaxTextQuery(db, query, text, facetIds);
    if (relaxed) {
      text = await withWordTree(db, { q: relaxed.q });
      droppedWords = relaxed.droppedWords;
      [{ total, counts }, rows] = await run(text);
    }
  }
  for (const year of query.annee.map(String)) {
    if (!catalogue.annee.some((entry) => entry.value === year)) catalogue.annee.push({ value: year, label: year });
  }

  const facets = Object.fromEntries(
    FILTER_KEYS.map((key) => [
      key,
      catalogue[key].map((entry) => ({ ...entry, count: counts.get(`${key}\u0000${entry.value}`) ?? 0 })),
    ]),
  ) as Record<FilterKey, FacetValue[]>;

  return {
    items: rows.map((row) => ({
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
    })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    facets,
    ...(correctedQuery ? { correctedQuery } : {}),
    places,
    ...(droppedWords ? { droppedWords } : {}),
  };
}
