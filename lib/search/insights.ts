/**
 * What the public asks the search, counted per month so that staff know which content to seek
 * next (/admin/recherches). One row per (month, folded words, filters, size of the answer): no
 * visitor, address, user agent, session or time finer than the month is ever stored.
 * Design: docs/decisions/015-search-insights.md.
 *
 * No "server-only" and the database as an argument, like the search service: tests and scripts
 * call it directly.
 */
import type { Queryable } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { foldText } from "@/lib/format/fold";
import { cleanSearchText } from "@/lib/format/search-text";
import { PREFETCH_HEADER } from "@/lib/http/prefetch";
import { logger } from "@/lib/log/logger";
import { DEFAULT_PLACE_SCOPE, PLACE_SCOPE_PARAM, type PlaceScope } from "./place-scope";
import { FILTER_KEYS, type SearchQuery } from "./query";

/** Longest words kept: enough to read the demand, too short to hold a pasted paragraph. */
export const MAX_INSIGHT_QUERY_LENGTH = 80;
/** Months kept, the current one included. */
export const INSIGHT_MONTHS_KEPT = 24;
/** The largest answer still counted as « peu de résultats ». */
export const FEW_RESULTS = 5;

export type ResultBucket = "NONE" | "FEW" | "MANY";

/** One public search, as it is counted. */
export interface AskedSearch {
  /** Folded words; "" when there were none, or when they looked like personal data. */
  query: string;
  /** Chosen filters in canonical URL form (sorted), "" when none. */
  filters: string;
  territories: string[];
  approaches: string[];
  bucket: ResultBucket;
}

// An address or a telephone number typed into a search box is somebody's: never recorded.
const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE_LIKE = /(?:\+|\b)\d(?:[\s.\-/]?\d){7,}/;

/** The words as counted: cleaned, folded (case, accents), cut; "" when they may name someone's address or number. */
export function insightWords(q: string): string {
  const words = foldText(cleanSearchText(q, 500));
  if (EMAIL_LIKE.test(words) || PHONE_LIKE.test(words)) return "";
  return words.slice(0, MAX_INSIGHT_QUERY_LENGTH).trim();
}

export function resultBucket(total: number): ResultBucket {
  return total === 0 ? "NONE" : total <= FEW_RESULTS ? "FEW" : "MANY";
}

/**
 * A search of /initiatives as counted: its filters (places read from the words count as chosen
 * places: « discriminations Roubaix » asks for Roubaix), never its page or order, which ask
 * for nothing new.
 */
export function askedInitiativeSearch(query: SearchQuery, placesRead: string[], total: number): AskedSearch {
  const territories = [...new Set([...query.territoire, ...placesRead])].sort();
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const values = key === "territoire" ? territories : [...new Set(query[key].map(String))].sort();
    for (const value of values) params.append(key, value);
  }
  addScope(params, territories, query.portee);
  return {
    query: insightWords(query.q),
    filters: params.toString(),
    territories,
    approaches: [...new Set(query.approche)].sort(),
    bucket: resultBucket(total),
  };
}

/** A search of /recherche (words, at most one place) as counted; `total` over every kind of answer. */
export function askedUnifiedSearch(q: string, place: string | null, scope: PlaceScope, total: number): AskedSearch {
  const territories = place ? [place] : [];
  const params = new URLSearchParams(territories.map((code) => ["territoire", code]));
  addScope(params, territories, scope);
  return { query: insightWords(q), filters: params.toString(), territories, approaches: [], bucket: resultBucket(total) };
}

function addScope(params: URLSearchParams, territories: string[], scope: PlaceScope) {
  if (territories.length > 0 && scope !== DEFAULT_PLACE_SCOPE) params.set(PLACE_SCOPE_PARAM, scope);
}

/** The month of `now` in France, as SQL (the first day of it). */
const monthOf = (now: Date) => Prisma.sql`date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Europe/Paris')::date`;

/**
 * Counts one search: one UPSERT. Never throws: a search page must not fail, nor wait, because
 * its counting did (callers run it after the answer is sent). A search asking nothing (no
 * words, no filter) is not counted.
 */
export async function recordSearch(db: Queryable, asked: AskedSearch, now = new Date()): Promise<void> {
  if (asked.query === "" && asked.filters === "") return;
  try {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO "SearchInsight" (month, query, filters, bucket, territories, approaches, count)
      VALUES (${monthOf(now)}, ${asked.query}, ${asked.filters}, ${asked.bucket}::"SearchResultBucket", ${asked.territories}::text[], ${asked.approaches}::text[], 1)
      ON CONFLICT (month, query, filters, bucket) DO UPDATE SET count = "SearchInsight".count + 1`);
  } catch (error) {
    logger().warn({ err: error }, "statistiques de recherche : comptage impossible");
  }
}

/** Deletes the months older than the kept ones; returns how many rows went. */
export function sweepSearchInsights(db: Queryable, now = new Date()): Promise<number> {
  return db.$executeRaw(Prisma.sql`
    DELETE FROM "SearchInsight" WHERE month < (${monthOf(now)} - make_interval(months => ${INSIGHT_MONTHS_KEPT - 1}))::date`);
}

export interface InsightLine {
  label: string;
  count: number;
}

export interface QueryLine extends InsightLine {
  /** The words, as a title to prefill (« Créer une initiative »). */
  query: string;
}

export interface MonthInsights {
  none: QueryLine[];
  few: QueryLine[];
  places: InsightLine[];
  approaches: InsightLine[];
  /** Searches counted in the month. */
  total: number;
}

const TOP = 30;

/** One month's figures for staff: the callers check who reads them (lib/admin/search-insights.ts). */
export async function readMonthInsights(db: Queryable, month: Date): Promise<MonthInsights> {
  const day = Prisma.sql`${month.toISOString().slice(0, 10)}::date`;
  const byQuery = (bucket: ResultBucket) =>
    db.$queryRaw<{ query: string; count: number }[]>(Prisma.sql`
      SELECT query, sum(count)::int AS count FROM "SearchInsight"
      WHERE month = ${day} AND bucket = ${bucket}::"SearchResultBucket" AND query <> ''
      GROUP BY query ORDER BY count DESC, query LIMIT ${TOP}`);
  const [none, few, places, approaches, totals] = await Promise.all([
    byQuery("NONE"),
    byQuery("FEW"),
    db.$queryRaw<InsightLine[]>(Prisma.sql`
      SELECT coalesce(t.name, c.code) AS label, sum(s.count)::int AS count
      FROM "SearchInsight" s CROSS JOIN LATERAL unnest(s.territories) AS c(code) LEFT JOIN "Territory" t ON t.code = c.code
      WHERE s.month = ${day} GROUP BY c.code, t.name ORDER BY count DESC, label LIMIT ${TOP}`),
    db.$queryRaw<InsightLine[]>(Prisma.sql`
      SELECT coalesce(a.label, c.slug) AS label, sum(s.count)::int AS count
      FROM "SearchInsight" s CROSS JOIN LATERAL unnest(s.approaches) AS c(slug) LEFT JOIN "Approach" a ON a.slug = c.slug
      WHERE s.month = ${day} GROUP BY c.slug, a.label ORDER BY count DESC, label LIMIT ${TOP}`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT coalesce(sum(count), 0)::int AS total FROM "SearchInsight" WHERE month = ${day}`),
  ]);
  const lines = (rows: { query: string; count: number }[]) => rows.map((row) => ({ ...row, label: row.query }));
  return { none: lines(none), few: lines(few), places, approaches, total: totals[0]?.total ?? 0 };
}

const CRAWLER = /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|preview/i;

/**
 * Whether a request is somebody's search: not a link prefetched by the Next router (marked by
 * the proxy, lib/http/prefetch.ts) or the browser (Speculation Rules, `<link rel=prefetch>`),
 * not a crawler. Only headers are read, none is stored.
 */
export function isAskedByPerson(headers: Headers): boolean {
  if (headers.has(PREFETCH_HEADER)) return false;
  const purpose = `${headers.get("sec-purpose") ?? ""} ${headers.get("purpose") ?? ""} ${headers.get("x-purpose") ?? ""}`;
  if (/prefetch|prerender|preview/i.test(purpose)) return false;
  return !CRAWLER.test(headers.get("user-agent") ?? "");
}
