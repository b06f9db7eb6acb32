/**
 * Read-only SQL of the hot paths (search, place lookup) run on node-postgres directly, on the
 * pool the Prisma client itself uses. Prisma's `$queryRaw` cost about 1.5 ms of CPU per
 * statement here against 0.34 ms for the same statement through `pg` (ADR 004, "Fourth pass"),
 * and a computed search runs seven to nine of them.
 */
import pg from "pg";
import type { Database } from "./connect";
import type { Prisma } from "./generated/client";

/** Where a client keeps its pool (tests count a search's statements through it). */
export const RAW_POOL = Symbol.for("reperes.rawPool");

/** Gives the client the pool its adapter runs on (createPrismaClient). */
export function attachRawPool(client: Database, pool: pg.Pool): void {
  Object.defineProperty(client, RAW_POOL, { value: pool, configurable: true });
}

/**
 * Prisma's DateTime columns are `timestamp(3)` holding UTC; node-postgres would read them in the
 * process's time zone. Every other type as node-postgres reads it: 64-bit integers come back as
 * strings, so these queries cast counts to int.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMP
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** The rows of one read-only statement, built with Prisma.sql. */
export async function queryRows<T>(db: Database, query: Prisma.Sql): Promise<T[]> {
  const pool = (db as unknown as Record<symbol, pg.Pool | undefined>)[RAW_POOL];
  if (!pool) throw new Error("queryRows : client créé sans createPrismaClient (lib/db/connect.ts).");
  const result = await pool.query<T & pg.QueryResultRow>({ text: query.text, values: query.values, types });
  return result.rows;
}
