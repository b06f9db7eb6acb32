/**
 * Reads a large result in batches through a PostgreSQL cursor, so that an export of 200,000
 * rows holds one batch in memory at a time. Prisma has no cursors: exports use their own small
 * node-postgres pool on the same DATABASE_URL, and the same Prisma.Sql fragments as the search.
 */
import pg from "pg";
import Cursor from "pg-cursor";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";

export const BATCH_SIZE = 500;

const holder = globalThis as unknown as { reperesCursorPool?: pg.Pool };

/** A few connections: each running export holds one for its whole duration. */
export function cursorPool(): pg.Pool {
  if (!holder.reperesCursorPool) {
    const connectionString = env().DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL n'est pas défini.");
    const pool = new pg.Pool({ connectionString, max: 4, idleTimeoutMillis: 10_000 });
    // An idle connection ended by the server (a restart, a dropped database) is an error event of
    // the pool: without a listener Node throws it and the whole app stops. The pool replaces it.
    pool.on("error", (error) => logger().warn({ err: error }, "connexion d'export fermée par la base"));
    holder.reperesCursorPool = pool;
  }
  return holder.reperesCursorPool;
}

export async function closeCursorPool(): Promise<void> {
  const pool = holder.reperesCursorPool;
  holder.reperesCursorPool = undefined;
  await pool?.end();
}

/**
 * Yields the rows of `sql` batch by batch. Stopping the iteration early (a client that hangs
 * up) closes the cursor and gives the connection back.
 */
export async function* readInBatches<Row>(sql: Prisma.Sql, batchSize = BATCH_SIZE): AsyncGenerator<Row[]> {
  const client = await cursorPool().connect();
  const cursor = client.query(new Cursor<Row>(sql.text, sql.values as unknown[]));
  let broken = false;
  try {
    for (;;) {
      const rows = await cursor.read(batchSize);
      if (rows.length === 0) return;
      yield rows;
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    await cursor.close().catch(() => {});
    client.release(broken);
  }
}
