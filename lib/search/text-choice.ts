/**
 * Which text a search uses when the typed words find little: typo corrections OR-ed in, then,
 * when all the words together still find nothing, the best partial match. One decision for the
 * results page and for the exports and feeds, so that they list the same rows.
 */
import { queryRows } from "@/lib/db/raw";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { type FacetIds, initiativeFilterSql } from "./filters-sql";
import type { SearchQuery } from "./query";
import { type TextQuery, withWordTree } from "./tsquery";

/** Below this many exact results, the query is widened with typo corrections. */
const FEW_RESULTS = 3;

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

/**
 * Looks for misspelt words of the query (unknown to the index, close to a known word by
 * trigram similarity) and returns the corrected query, or undefined when nothing changes.
 */
async function correctQuery(db: Database, q: string): Promise<string | undefined> {
  const rows = await queryRows<{ word: string; fix: string | null }>(
    db,
    Prisma.sql`
    SELECT w.word,
           CASE WHEN EXISTS (SELECT 1 FROM "SearchWord" k WHERE k.word = w.word) THEN NULL
                WHEN length(w.word) < 4 THEN NULL
                ELSE (SELECT k.word FROM "SearchWord" k WHERE k.word % w.word AND similarity(k.word, w.word) >= 0.4
                      ORDER BY similarity(k.word, w.word) DESC, k.word LIMIT 1) END AS fix
    FROM regexp_split_to_table(lower(reperes_unaccent(${q})), '[^a-z0-9]+') WITH ORDINALITY AS w(word, n)
    WHERE w.word <> ''
    ORDER BY w.n`,
  );
  if (!rows.some((row) => row.fix && row.fix !== row.word)) return undefined;
  return rows.map((row) => row.fix ?? row.word).join(" ");
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
  const groups = await queryRows<{ words: string; tsquery: string }>(
    db,
    Prisma.sql`
    SELECT group_words AS words, group_query::text AS tsquery FROM reperes_search_groups(${text.alternative ?? text.q}) ORDER BY group_no`,
  );
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
  const [row] = await queryRows<{ counts: number[] }>(db, Prisma.sql`SELECT ARRAY[${Prisma.join(counts)}] AS counts`);
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
