/**
 * A search as a bitmap over initiative ids (ADR 004): the AND of one mask per active filter, the
 * text, and "every public initiative", each an OR of posting bitmaps of "SearchPosting" (bit
 * `id & 65535` of chunk `id >> 16`). The facet counts AND and count these per facet; the results
 * page tests an id's bit instead of reading its row.
 */
import { Prisma } from "@/lib/db/generated/client";
import { coveringIdsSql, insideIdsSql, selectedPairs } from "./filters-sql";
import type { PlaceScope } from "./place-scope";
import type { SearchQuery } from "./query";
import { lexemeSql, type TextQuery, tsquerySql, type WordTree, wordsOf } from "./tsquery";

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

export const EMPTY_CHUNK = Prisma.sql`repeat('0', 65536)::varbit`;
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

/**
 * Bits of a place under a scope, from `inside` and `covering` bit strings of one chunk (both
 * never null): inside it, covering it and not inside, or either.
 */
export function scopedBitsSql(scope: PlaceScope, inside: Prisma.Sql, covering: Prisma.Sql): Prisma.Sql {
  if (scope === "local") return inside;
  if (scope === "couvrant") return Prisma.sql`(${covering} & ~${inside})`;
  return Prisma.sql`(${inside} | ${covering})`;
}

const orEmpty = (bits: Prisma.Sql) => Prisma.sql`COALESCE(${bits}, ${EMPTY_CHUNK})`;

/** Per chunk, over postings `p` of tokens `k` flagged `inside`: the bits inside, and covering. */
export const insideBitsSql = orEmpty(Prisma.sql`bit_or(p.bits) FILTER (WHERE k.inside)`);
export const coveringBitsSql = orEmpty(Prisma.sql`bit_or(p.bits) FILTER (WHERE NOT k.inside)`);

/**
 * The masks a search ANDs, as CTEs to put after WITH: `place` (with chosen places: per chunk, the
 * bits inside one of them and covering one of them) and `groups` (chunk, facet, bits): one group
 * per active facet (its values ORed), '_text' for the text, '_all' for every public initiative.
 * A chunk is in the AND of every group only if it has a row in each: `groupCount` of them.
 */
export function maskGroupsSql(query: SearchQuery, text: TextQuery | undefined): { ctes: Prisma.Sql; groupCount: number } {
  const { facets, values } = selectedPairs(query);
  const places = query.territoire;
  const place = places.length
    ? Prisma.sql`place AS (
      SELECT p.chunk,
             ${insideBitsSql} AS inside, ${coveringBitsSql} AS covering
      FROM (SELECT i.id, true AS inside FROM (${insideIdsSql(places)}) i
            UNION ALL SELECT c.id, false FROM (${coveringIdsSql(places)}) c) k
      JOIN "SearchPosting" p ON p.token = k.id
      GROUP BY p.chunk
    ),`
    : Prisma.empty;
  return {
    groupCount: new Set(facets).size + (text?.q ? 1 : 0) + 1,
    ctes: Prisma.sql`${place} selected AS (
      SELECT f.id, f.facet FROM "SearchFacet" f
      JOIN unnest(${facets}::text[], ${values}::text[]) AS v(facet, value) ON v.facet = f.facet AND v.value = f.value
    ),
    groups AS (
      SELECT p.chunk, sel.facet, bit_or(p.bits) AS bits
      FROM selected sel JOIN "SearchPosting" p ON p.token = sel.id
      ${places.length ? Prisma.sql`WHERE sel.facet <> 'territoire'` : Prisma.empty}
      GROUP BY p.chunk, sel.facet
      ${places.length ? Prisma.sql`UNION ALL SELECT pl.chunk, 'territoire', ${scopedBitsSql(query.portee, Prisma.sql`pl.inside`, Prisma.sql`pl.covering`)} FROM place pl` : Prisma.empty}
      UNION ALL
      SELECT p.chunk, '_all', p.bits FROM "SearchPosting" p WHERE p.token = ${ALL_TOKEN}
      ${text?.q ? Prisma.sql`UNION ALL ${textMaskSql(text)}` : Prisma.empty}
    )`,
  };
}

/**
 * One row: `bits`, the search's mask as an array indexed by chunk + 1 (every chunk up to the
 * last one set, empty ones included), `matches` its bit count and `everyone` that of every public
 * initiative. Test an id with maskHasSql.
 */
export function searchMaskSql(query: SearchQuery, text: TextQuery | undefined): Prisma.Sql {
  const { ctes, groupCount } = maskGroupsSql(query, text);
  return Prisma.sql`
    WITH ${ctes},
    full_mask AS (
      SELECT chunk, bit_and(bits) AS bits FROM groups GROUP BY chunk HAVING count(*) = ${groupCount}
    )
    SELECT ${chunkArraySql(Prisma.sql`full_mask`)} AS bits,
           (SELECT COALESCE(sum(bit_count(bits)), 0) FROM full_mask) AS matches,
           (SELECT COALESCE(sum(bit_count(bits)), 0) FROM groups WHERE facet = '_all') AS everyone`;
}

/**
 * A mask given as rows (chunk, bits) of `relation` (a CTE name; one row per chunk at most), as the
 * array maskHasSql reads: indexed by chunk + 1, every chunk up to the last, empty ones included.
 */
export function chunkArraySql(relation: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ARRAY(
    SELECT ${orEmpty(Prisma.sql`m.bits`)}
    FROM generate_series(0, (SELECT max(chunk) FROM ${relation})) c(chunk) LEFT JOIN ${relation} m ON m.chunk = c.chunk
    ORDER BY c.chunk)`;
}

/** Whether the initiative `id` is set in `bits` (the array of searchMaskSql). */
export function maskHasSql(bits: Prisma.Sql, id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`get_bit(${bits}[(${id} >> 16) + 1], ${id} & 65535) = 1`;
}
