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
import { type PlaceScope, scaleLabel } from "./place-scope";
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
  /** Set on an entry that covers the chosen place from a larger territory: « à l'échelle de la région ». */
  scale?: string;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  facets: Record<FilterKey, FacetValue[]>;
  /**
   * When places are chosen: how many matches lie inside them and how many cover them from a
   * larger territory (whatever the scope, so that a control can say what the other scope holds).
   */
  placeCounts?: { local: number; covering: number };
  /** Set when the exact search found little and typo corrections widened it ("discrimination"). */
  correctedQuery?: string;
  /** Words of the query read as places (« Roubaix »), searched as place filters instead of text. */
  places: UnderstoodPlace[];
  /** Set when all the words together found nothing: the words left out of the results shown. */
  droppedWords?: string[];
}

export interface SearchOptions {
  pageSize?: number;
  /** Territories whose next level down the facet shows too (« voir les communes »). */
  expandTerritories?: string[];
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
 * SearchFacet ids of the selected values, per filter (resolveFacetIds); `covering`: the '_lieu'
 * ids of the chosen places' strict ancestors.
 */
export type FacetIds = Partial<Record<FilterKey | "covering", number[]>>;

/**
 * The '_lieu' SearchFacet ids of entries that cover the chosen places: each place's strict
 * ancestors (its EPCI, département, région), never a sibling (TerritoryAncestor only goes up).
 */
function coveringIdsSql(codes: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT f.id FROM "TerritoryAncestor" ta JOIN "SearchFacet" f ON f.facet = '_lieu' AND f.value = ta."ancestorCode"
    WHERE ta."descendantCode" = ANY(${codes}::text[]) AND ta.depth > 0`;
}

function insideIdsSql(codes: string[]): Prisma.Sql {
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

/** Whether results come in two tiers: inside the chosen places first, then covering them. */
function tiered(query: SearchQuery): boolean {
  return query.territoire.length > 0 && query.portee === "tous";
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
  const rows = await db.$queryRaw<{ facet: FilterKey | "covering"; id: number }[]>(Prisma.sql`
    SELECT f.facet, f.id FROM "SearchFacet" f
    JOIN unnest(${facets}::text[], ${values}::text[]) AS v(facet, value) ON v.facet = f.facet AND v.value = f.value
    ${places ? Prisma.sql`UNION ALL SELECT 'covering', c.id FROM (${coveringIdsSql(query.territoire)}) c` : Prisma.empty}`);
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
export function facetCountsSql(
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

/** Which territories the territory facet shows, beyond the départements. */
export interface TerritoryDisplay {
  /** Shown with their ancestors (the selected places). */
  shown: string[];
  /** Shown with their next level down, on demand (« voir les communes »). */
  expanded: string[];
}

/**
 * Territories shown in the facet: the départements, the shown ones and their ancestors (Roubaix
 * brings the MEL, the Nord and the région, never the MEL's other 94 communes), and the next level
 * down of the expanded ones only.
 */
export function territoryDisplaySql(display: TerritoryDisplay): Prisma.Sql {
  return Prisma.sql`
    SELECT code FROM "Territory" WHERE kind = 'DEPARTEMENT'
    UNION SELECT a."ancestorCode" FROM "TerritoryAncestor" a WHERE a."descendantCode" = ANY(${display.shown}::text[])
    UNION ${territoryChildrenSql(display.expanded)}`;
}

function canonicalDisplay(display: TerritoryDisplay): string[][] {
  return [[...new Set(display.shown)].sort(), [...new Set(display.expanded)].sort()];
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
 * own indexes) up to the end of the page, then the tiers are concatenated.
 */
function pageIdsSql(query: SearchQuery, text: TextQuery | undefined, limit: number, offset: number, facetIds?: FacetIds): Prisma.Sql {
  if (!tiered(query)) return tierPageIdsSql(query, text, limit, offset, facetIds);
  const tier = (scope: PlaceScope, n: number) => Prisma.sql`
    SELECT t.id, ${n}::int AS tier, t.n
    FROM unnest(ARRAY(${tierPageIdsSql({ ...query, portee: scope }, text, offset + limit, 0, facetIds)})) WITH ORDINALITY AS t(id, n)`;
  return Prisma.sql`
    SELECT c.id FROM (${tier("local", 0)} UNION ALL ${tier("couvrant", 1)}) c
    ORDER BY c.tier, c.n LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * Ids of one results page of one tier, in order. The relevance order is bounded (ADR 004): the
 * RANKED_WINDOW most recent matches ranked by ts_rank, then the older matches by date. Up to
 * RANKED_WINDOW matches, this is exactly the ts_rank order over every match.
 */
function tierPageIdsSql(query: SearchQuery, text: TextQuery | undefined, limit: number, offset: number, facetIds?: FacetIds): Prisma.Sql {
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
         WHERE ia."initiativeId" = i.id AND a."deletedAt" IS NULL) AS approaches,
      ${coveringPlaceSql(query.territoire)} AS covering_place
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
async function facetCatalogue(db: Database, display: TerritoryDisplay) {
  const [vocabulary, territories, years] = await Promise.all([
    db.$queryRaw<{ facet: Vocabulary; value: string; label: string }[]>(vocabularySql()),
    db.$queryRaw<{ code: string; name: string }[]>(Prisma.sql`
      SELECT code, name FROM "Territory" WHERE code IN (${territoryDisplaySql(display)}) ORDER BY kind, name`),
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

/**
 * The text a search uses: the typed words; widened by typo corrections when they find fewer
 * than FEW_RESULTS; when all of them together still find nothing, the best partial match (then
 * `droppedWords`, and the caller searches the returned text). `found(text)` tells how many a text
 * finds (at least up to FEW_RESULTS): the results page computes its page and counts with it, the
 * exports and feeds only count. One decision for both, so that they list the same rows.
 */
export async function chooseTextQuery(
  db: Database,
  query: SearchQuery,
  typed: TextQuery | undefined,
  found: (text: TextQuery | undefined) => Promise<number>,
  facetIds?: FacetIds,
): Promise<{ text: TextQuery | undefined; correctedQuery?: string; droppedWords?: string[] }> {
  let count = await found(typed);
  if (!typed) return { text: typed };
  let text = typed;
  let correctedQuery: string | undefined;
  if (count < FEW_RESULTS) {
    const widened = await resolveTextQuery(db, query, count);
    if (widened?.alternative) {
      text = await withWordTree(db, widened);
      correctedQuery = widened.alternative;
      count = await found(text);
    }
  }
  if (count > 0) return { text, correctedQuery };
  const relaxed = await relaxTextQuery(db, query, text, facetIds);
  if (!relaxed) return { text, correctedQuery };
  return { text: await withWordTree(db, { q: relaxed.q }), correctedQuery, droppedWords: relaxed.droppedWords };
}

/** Resolves the text part: the typed words, widened by corrections when they find little. */
async function resolveTextQuery(db: Database, query: SearchQuery, exactTotal: number): Promise<TextQuery | undefined> {
  if (!query.q) return undefined;
  if (exactTotal >= FEW_RESULTS) return { q: query.q };
  const corrected = await correctQuery(db, query.q);
  return corrected ? { q: query.q, alternative: corrected } : { q: query.q };
}

interface FacetCounts {
  total: number;
  counts: Map<string, number>;
  placeCounts?: SearchResult["placeCounts"];
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
  display: TerritoryDisplay,
): Promise<FacetCounts> {
  if (version === undefined) return countFacets(db, query, text, display);
  const state = [canonicalFilters(query), query.portee, text?.q ?? "", text?.alternative ?? "", canonicalDisplay(display)];
  return facetCountCache.get(db, `${version}\u0000${JSON.stringify(state)}`, () => countFacets(db, query, text, display));
}

/** Every filter's values, deduplicated and sorted: one key for the states that select the same. */
function canonicalFilters(query: SearchQuery): string[][] {
  return FILTER_KEYS.map((key) => [...new Set(filterValues(query, key))].sort());
}

/** Filter values (and the total) counted under a search: see facetCountsSql. */
async function countFacets(db: Database, query: SearchQuery, text: TextQuery | undefined, territories: TerritoryDisplay): Promise<FacetCounts> {
  const display = Prisma.sql`SELECT id FROM "SearchFacet" WHERE facet = ANY(${FILTER_KEYS.filter((key) => key !== "territoire")}::text[])`;
  const rows = await db.$queryRaw<CountRow[]>(facetCountsSql(query, text, display, territoryDisplaySql(territories)));
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
export async function countByFacetValue(db: Database, query: SearchQuery, facet: FilterKey, values: string[]): Promise<Map<string, number>> {
  const display = Prisma.sql`SELECT id FROM "SearchFacet" WHERE facet = ${facet} AND value = ANY(${values}::text[])`;
  const territories = facet === "territoire" ? Prisma.sql`SELECT unnest(${values}::text[])` : undefined;
  const text = query.q ? await withWordTree(db, { q: query.q }) : undefined;
  const rows = await db.$queryRaw<CountRow[]>(facetCountsSql(query, text, display, territories));
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
    query.portee,
    query.q,
    query.interpret,
    query.tri,
    query.page,
    options.pageSize ?? DEFAULT_PAGE_SIZE,
    [...new Set(options.expandTerritories ?? [])].sort(),
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
async function relaxTextQuery(
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
  const display: TerritoryDisplay = {
    shown: [...new Set(query.territoire)],
    expanded: [...new Set(options.expandTerritories ?? [])],
  };
  const offset = (query.page - 1) * pageSize;

  // Independent reads in parallel, each wave awaited as a whole, so that a failed read is never
  // left unobserved while another is awaited.
  const [typed, facetIds, catalogue] = await Promise.all([
    query.q ? withWordTree(db, { q: query.q }) : undefined,
    resolveFacetIds(db, query),
    facetCatalogue(db, display),
  ]);
  const run = (text: TextQuery | undefined) =>
    Promise.all([
      cachedFacetCounts(db, version, query, text, display),
      db.$queryRaw<HitRow[]>(resultsSql(query, text, pageSize, offset, facetIds)),
    ]);

  // Each text tried is searched in full: the last one tried is what the page shows.
  let [{ total, counts, placeCounts }, rows] = [{ total: 0, counts: new Map<string, number>(), placeCounts: undefined as FacetCounts["placeCounts"] }, [] as HitRow[]];
  const found = async (text: TextQuery | undefined) => {
    [{ total, counts, placeCounts }, rows] = await run(text);
    return total;
  };
  const { text, correctedQuery, droppedWords } = await chooseTextQuery(db, query, typed, found, facetIds);
  if (droppedWords) await found(text);
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
      ...(row.covering_place ? { scale: scaleLabel(row.covering_place) } : {}),
    })),
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
