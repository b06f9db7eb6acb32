import "server-only";
import type { Database } from "@/lib/db/connect";
import { prisma } from "@/lib/db/client";

/**
 * The version of the published data, for HTTP validators (ETag, Last-Modified) of the API and
 * the feeds: row 1 of "SearchVersion", which statement triggers move in every transaction that
 * changes a table those outputs read (ADR 011). One row read, before the real work, so that a
 * 304 is cheap; a reader sees a new version exactly when it can see the edit.
 */
export interface DataVersion {
  fingerprint: string;
  /** When the version last moved (compared with If-Modified-Since). */
  changedAt: Date;
  /** The Last-Modified to send (see dataVersion). */
  lastModified: Date;
}

export async function dataVersion(db: Database = prisma): Promise<DataVersion> {
  const [row] = await db.$queryRaw<{ version: bigint; changedAt: Date; settled: boolean }[]>`
    SELECT version, "changedAt", date_trunc('second', clock_timestamp()) > date_trunc('second', "changedAt") AS settled
    FROM "SearchVersion" WHERE id = 1`;
  if (!row) return { fingerprint: "0", changedAt: new Date(0), lastModified: new Date(0) };
  // HTTP dates count whole seconds. While the second of the last change is still running (on the
  // database's clock), another change may come within it: the date sent is then one second
  // earlier, so that a client's If-Modified-Since never hides that change; once the second is
  // over, every later change falls in a later second and the exact date is sent.
  const second = Math.floor(row.changedAt.getTime() / 1000) * 1000;
  return { fingerprint: String(row.version), changedAt: row.changedAt, lastModified: new Date(row.settled ? second : second - 1000) };
}
