/**
 * The text part of a search as PostgreSQL reads it: the typed words (and a corrected spelling)
 * turned into a tsquery by reperes_search_tsquery (migration search_synonyms), and that tsquery
 * parsed into a tree of words when it is only words, AND and OR, so that the facet counts can
 * build its mask from one posting bitmap per word (facet-counts.ts).
 */
import { queryRows } from "@/lib/db/raw";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";

/** The text part of a search: the words typed, and optionally a corrected spelling OR-ed in. */
export interface TextQuery {
  q: string;
  alternative?: string;
  /** The query's lexemes and operators, when made only of words, AND and OR (see wordTree). */
  tree?: WordTree;
  /** The tsquery of q (and alternative) as text, once computed (withWordTree). */
  tsquery?: string;
  /**
   * The SearchFacet ids of the tree's frequent words ('_mot' values, ADR 004): an initiative
   * carries such a word's id in its facets exactly when its document holds the word, so the
   * word can be tested on facets and posting bitmaps instead of on the document.
   */
  frequent?: Record<string, number>;
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

export function wordsOf(tree: WordTree): string[] {
  return "word" in tree ? [tree.word] : [...new Set(tree.args.flatMap(wordsOf))];
}

/** One lexeme as a tsquery of that word alone, quoted as the text form of tsquery wants. */
export function lexemeSql(word: string): Prisma.Sql {
  return Prisma.sql`${`'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`}::tsquery`;
}

/**
 * Adds the word tree of a text query and the ids of its frequent words, in one round trip
 * (stemming is PostgreSQL's). The lexemes are read back from the tsquery's text form, where a
 * quote is doubled and a backslash escapes the next character, as parseWordTree reads them.
 */
export async function withWordTree(db: Database, text: TextQuery): Promise<TextQuery> {
  const [row] = await queryRows<{ tsquery: string; frequent: Record<string, number> }>(
    db,
    Prisma.sql`
    SELECT t.q::text AS tsquery,
           (SELECT COALESCE(json_object_agg(f.value, f.id), '{}') FROM "SearchFacet" f
            WHERE f.facet = '_mot' AND f.value IN (
              SELECT regexp_replace(replace(m[1], '''''', ''''), '\\\\(.)', '\\1', 'g')
              FROM regexp_matches(t.q::text, '''((?:[^''\\\\]|''''|\\\\.)*)''', 'g') AS m)) AS frequent
    FROM (SELECT ${tsquerySql({ q: text.q, alternative: text.alternative })} AS q) t`,
  );
  if (!row) return text;
  const tree = parseWordTree(row.tsquery);
  return { ...text, tsquery: row.tsquery, ...(tree ? { tree, frequent: row.frequent } : {}) };
}

/**
 * The tsquery of a text query: each word or synonym phrase of the field ORed with its synonyms
 * and its hyphen-free spelling, the groups ANDed (reperes_search_tsquery, migration
 * search_synonyms). Computed once per statement (a sub-select), or given as text when known.
 */
export function tsquerySql(text: TextQuery): Prisma.Sql {
  if (text.tsquery !== undefined) return Prisma.sql`${text.tsquery}::tsquery`;
  const exact = Prisma.sql`reperes_search_tsquery(${text.q})`;
  return text.alternative ? Prisma.sql`(SELECT ${exact} || reperes_search_tsquery(${text.alternative}))` : Prisma.sql`(SELECT ${exact})`;
}
