import { env, parseRateLimit, type RateLimit } from "@/lib/config/env";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";

/**
 * Per-client token buckets in PostgreSQL ("ApiRateBucket"), so that every app instance on one
 * database counts against the same limit (ADR 010). One statement per request refills the
 * bucket from the time elapsed on the database's clock (the instances' clocks may differ) and
 * takes a token, atomically under the row lock of INSERT … ON CONFLICT.
 */

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until a token is available again (0 when allowed). */
  retryAfter: number;
}

/** 120 requests at once, then 2 per second, per client address; REPERES_API_RATE_LIMIT changes it. */
export const RATE_LIMIT: RateLimit = { capacity: 120, refillPerSecond: 2 };

/** The limit of this deployment (env() refuses a malformed one). */
export function apiRateLimit(): RateLimit {
  return parseRateLimit(env().REPERES_API_RATE_LIMIT ?? "") ?? RATE_LIMIT;
}

/** A bucket idle this long is full again: deleting it changes no decision. */
const IDLE_BUCKET_SECONDS = 3600;
const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

/**
 * Takes one token from `client`'s bucket. When the bucket is short, the row is left alone (the
 * WHERE of ON CONFLICT) and the main query reads it as it was before the statement, to say when
 * the next token comes.
 */
export async function takeToken(db: Database, client: string, limit: RateLimit = apiRateLimit()): Promise<RateLimitDecision> {
  const { capacity, refillPerSecond: refill } = limit;
  const refilled = Prisma.sql`least(${capacity}::float8, b.tokens + extract(epoch FROM clock_timestamp() - b.at)::float8 * ${refill}::float8)`;
  const rows = await db.$queryRaw<{ allowed: boolean; tokens: number }[]>(Prisma.sql`
    WITH taken AS (
      INSERT INTO "ApiRateBucket" AS b (client, tokens, at) VALUES (${client}, ${capacity - 1}::float8, clock_timestamp())
      ON CONFLICT (client) DO UPDATE SET tokens = ${refilled} - 1, at = clock_timestamp()
        WHERE ${refilled} >= 1
      RETURNING b.tokens
    )
    SELECT true AS allowed, tokens FROM taken
    UNION ALL
    SELECT false, ${refilled} FROM "ApiRateBucket" b WHERE b.client = ${client} AND NOT EXISTS (SELECT FROM taken)`);
  pruneIdleBuckets(db, Math.max(IDLE_BUCKET_SECONDS, capacity / refill));
  const row = rows[0];
  if (row?.allowed) return { allowed: true, remaining: Math.floor(row.tokens), retryAfter: 0 };
  // No row at all: another instance created the bucket after this statement's snapshot and it
  // was already short; a token is at most 1/refill seconds away.
  const tokens = row?.tokens ?? 0;
  return { allowed: false, remaining: 0, retryAfter: Math.max(1, Math.ceil((1 - tokens) / refill)) };
}

/** At most once a minute per process, off the request's path: the table stays as small as the active clients. */
function pruneIdleBuckets(db: Database, idleSeconds: number): void {
  const now = Date.now();
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  db.$executeRaw(
    Prisma.sql`DELETE FROM "ApiRateBucket" WHERE at < clock_timestamp() - make_interval(secs => ${idleSeconds}::float8)`,
  ).catch((error: unknown) => console.error(error));
}
