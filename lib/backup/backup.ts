import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { ArchiveWriter, BackupError } from "./archive";
import { quoteIdent, sequenceNames, tablesInDependencyOrder } from "./catalog";

/** Table data is cut into records of about this size (COPY sends one message per row). */
const CHUNK_BYTES = 1 << 20;

export interface BackupSummary {
  tables: number;
  rows: number;
  /** Uploaded documents: rows of "StoredFile", copied with the other tables. */
  files: number;
}

/** The table holding uploaded documents' bytes (ADR 010): they ride with the rows. */
export const STORED_FILE_TABLE = "StoredFile";

/**
 * Writes a backup of the database at `databaseUrl`, uploaded documents included, to `file`, while
 * the app keeps running: every table is read in one REPEATABLE READ snapshot (ADR 008). The file
 * appears only once complete.
 */
export async function createBackup(options: { databaseUrl: string; file: string }): Promise<BackupSummary> {
  if (existsSync(options.file)) throw new BackupError(`${options.file} existe déjà : choisissez un autre nom (rien n'est écrasé).`);
  const partial = `${options.file}.partiel`;
  const writer = new ArchiveWriter(partial);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  const summary: BackupSummary = { tables: 0, rows: 0, files: 0 };
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // The first query fixes the snapshot; sequences are read after it, so they are at least as far.
    const migrated = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS yes");
    if (!migrated.rows[0].yes)
      throw new BackupError("Cette base n'a jamais été initialisée par Repères (aucune migration) : rien à sauvegarder.");
    const migrations = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const tables = await tablesInDependencyOrder(client);
    const sequences = [];
    for (const name of await sequenceNames(client)) {
      const value = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${quoteIdent(name)}`,
      );
      sequences.push({ name, lastValue: value.rows[0]!.last_value, isCalled: value.rows[0]!.is_called });
    }
    const server = await client.query<{ server_version: string }>("SHOW server_version");
    await writer.record({
      type: "manifest",
      createdAt: new Date().toISOString(),
      serverVersion: server.rows[0]!.server_version,
      migrations: migrations.rows,
      tables,
      sequences,
    });

    for (const table of tables) {
      const stream = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(", ")}) TO STDOUT`));
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let rows = 0;
      const flush = async () => {
        if (!pendingBytes) return;
        const body = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await writer.record({ type: "rows", table: table.name }, body);
      };
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        rows += countNewlines(chunk);
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      await flush();
      await writer.record({ type: "table-end", table: table.name, rows });
      summary.tables += 1;
      summary.rows += rows;
      if (table.name === STORED_FILE_TABLE) summary.files = rows;
    }
    await client.query("COMMIT");
    await writer.record({ type: "end" });
    await writer.close();
    await rename(partial, options.file);
    return summary;
  } catch (error) {
    await writer.abort();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** COPY's text format ends each row with a newline and escapes those inside values. */
function countNewlines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count += 1;
  return count;
}
