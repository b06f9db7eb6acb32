/**
 * Offline replacement for `prisma migrate deploy | dev --create-only | status`, driving Prisma's
 * official schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) through
 * @prisma/adapter-pg. The native schema-engine binary the Prisma CLI needs cannot be downloaded
 * here. Files and the `_prisma_migrations` table are the engine's own, so the real
 * `prisma migrate deploy` can take over at any time.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import { createEngineAdapter, withClient, type EngineAdapter } from "./adapter";
import { EMPTY_MIGRATION_SCRIPT, LOCKFILE_CONTENT, listMigrations, nextMigrationName, writeMigration } from "./files";
import { loadSchemaEngineWasm, panicRegistry, type SchemaEngine } from "./wasm";

export { migrationChecksum } from "./files";

/** Short, user-facing error: the CLI prints `message` only. */
export class MigrationError extends Error {
  override name = "MigrationError";
  constructor(
    message: string,
    readonly code?: string,
    /** PostgreSQL's own error when a migration script failed. */
    readonly sqlError?: string,
  ) {
    super(message);
  }
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    throw new MigrationError("DATABASE_URL is not a valid URL (expected postgresql://user@host:port/database).");
  }
}

/** Fails fast with a readable message instead of a driver error surfacing through the engine. */
async function assertReachable(databaseUrl: string): Promise<void> {
  const where = describeUrl(databaseUrl);
  if (!/^postgres(ql)?:$/.test(new URL(databaseUrl).protocol)) {
    throw new MigrationError(`DATABASE_URL must be a postgresql:// URL (got ${where}).`);
  }
  try {
    await withClient(databaseUrl, (c) => c.query("SELECT 1"));
  } catch (error) {
    throw new MigrationError(`Cannot connect to the database ${where}: ${(error as Error).message}`);
  }
}

/** Engine messages end with a tracing span trace ("   0: schema_engine_wasm::..."): drop it. */
export function stripSpanTrace(message: string): string {
  return message.split(/\n\s+0: /)[0]!.trim();
}

/** Turns whatever the engine throws into one readable MigrationError. */
function toMigrationError(error: unknown, adapter: EngineAdapter): MigrationError {
  if (error instanceof MigrationError) return error;
  const e = error as Error & { code?: string; cause?: { kind?: string; id?: number } };
  if (e.name === "RuntimeError") {
    // The wasm instance is unusable after a panic, and it cannot be reloaded in this process.
    return new MigrationError(`The schema engine crashed (restart the process): ${panicRegistry.get() || e.message}`);
  }
  // A plain JS error raised inside the adapter travels through the engine as an id.
  if (e.cause?.kind === "GenericJs" && typeof e.cause.id === "number") {
    const original = adapter.factory.errorRegistry.consumeError(e.cause.id)?.error;
    if (original instanceof Error) return new MigrationError(original.message);
  }
  let message = stripSpanTrace(e.message ?? String(error));
  const sqlError = adapter.lastScriptError
    ? `${adapter.lastScriptError.message}${adapter.lastScriptError.code ? ` (SQLSTATE ${adapter.lastScriptError.code})` : ""}`
    : undefined;
  // "external connector error\nNo such table: x" is adapter-pg's summary: show PostgreSQL's words.
  if (sqlError) message = message.replace(/external connector error\n.*/s, sqlError);
  return new MigrationError(e.code ? `${e.code}: ${message}` : message, e.code, sqlError);
}

// One engine call at a time in this process: engines share the single wasm instance.
let queue: Promise<unknown> = Promise.resolve();

/** Opens an engine on `databaseUrl`, runs `work`, and always frees it and its shadow database. */
async function withEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const run = async () => {
    await assertReachable(databaseUrl);
    const { SchemaEngine } = await loadSchemaEngineWasm();
    const adapter = createEngineAdapter(databaseUrl);
    let engine: SchemaEngine | undefined;
    try {
      const log = (line: string) => {
        // A developer's switch for debugging the schema engine, not part of the configuration (lib/config/env.ts).
        if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`[schema-engine] ${line}\n`);
      };
      engine = await SchemaEngine.new({ datamodels: undefined }, log, adapter.factory);
      return await work(engine);
    } catch (error) {
      throw toMigrationError(error, adapter);
    } finally {
      engine?.free();
      await adapter.cleanup();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

export interface MigrationsOptions {
  databaseUrl: string;
  /** Folder holding `<timestamp>_<name>/migration.sql` (prisma/migrations). */
  migrationsDir: string;
}

/** `prisma migrate deploy`: applies pending migrations in order; returns the names applied. */
export async function applyMigrations({ databaseUrl, migrationsDir }: MigrationsOptions): Promise<string[]> {
  const migrationsList = await listMigrations(migrationsDir);
  assertReadable(migrationsList);
  try {
    return await withEngine(databaseUrl, async (engine) => {
      const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      return out.appliedMigrationNames;
    });
  } catch (error) {
    if (!(error instanceof MigrationError) || !error.sqlError) throw error;
    // The engine recorded the failure in _prisma_migrations but does not name it in the error.
    const failed = await withClient(databaseUrl, (c) =>
      c.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations
          WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at DESC LIMIT 1`,
      ),
    ).then(
      (r) => r.rows[0]?.name,
      () => undefined,
    );
    throw new MigrationError(
      `Migration ${failed ?? "(unknown)"} failed: ${error.sqlError}\n` +
        "The script ran as one transaction, so none of it was kept. Fix it, run `db-migrate resolve --rolled-back " +
        `${failed ?? "<name>"}\`, then deploy again.`,
      "P3018",
      error.sqlError,
    );
  }
}

/**
 * `prisma migrate resolve --rolled-back`: marks a failed migration as rolled back so that
 * deploy retries it (after you fixed its SQL or the database).
 */
export async function markMigrationRolledBack(options: MigrationsOptions & { name: string }): Promise<void> {
  await withEngine(options.databaseUrl, (engine) => engine.markMigrationRolledBack({ migrationName: options.name }));
}

export interface CreateMigrationOptions extends MigrationsOptions {
  /** Prisma schema the new migration should reach. */
  schemaPath: string;
  name: string;
  /** Write an empty migration for hand-written SQL, whatever the schema says. */
  empty?: boolean;
}

export interface CreatedMigration {
  /** Folder name, `<yyyyMMddHHmmss>_<name>`. */
  name: string;
  /** Absolute path of the new migration.sql. */
  file: string;
  script: string;
}

/**
 * `prisma migrate dev --create-only`: replays the folder's migrations on a throwaway shadow
 * database, diffs the result against the schema and writes the difference as a new migration.
 * Never applies it. Returns null when the schema needs no change (unless `empty`).
 * `databaseUrl` only locates the server: the shadow database is created (and dropped) there.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreatedMigration | null> {
  const { databaseUrl, migrationsDir, schemaPath, empty = false } = options;
  const name = slugify(options.name);
  const migrationsList = await listMigrations(migrationsDir);
  if (empty) {
    const folder = nextMigrationName(migrationsList, name);
    const script = `${EMPTY_MIGRATION_SCRIPT}\n`;
    const dir = await writeMigration(migrationsDir, folder, script);
    return { name: folder, file: path.join(dir, "migration.sql"), script };
  }
  const schema = await readFile(schemaPath, "utf8").catch(() => {
    throw new MigrationError(`Cannot read the Prisma schema at ${schemaPath}.`);
  });
  assertReadable(migrationsList);
  // The engine's own createMigration cannot use a driver-adapter shadow database (it errors with
  // "PostgreSQL shadow DB must be provided through an external factory"); `diff` from the
  // migrations folder to the schema does, and renders the same script. We name the folder.
  // A brand-new folder has no lockfile yet; the engine needs one to know the provider.
  const lockfile = { ...migrationsList.lockfile, content: migrationsList.lockfile.content ?? LOCKFILE_CONTENT };
  const out = await withEngine(databaseUrl, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...migrationsList, lockfile },
      to: { tag: "schemaDatamodel", files: [{ path: path.resolve(schemaPath), content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    }),
  );
  if (out.exitCode === 0 || !out.stdout) return null; // 0: no difference, 2: changes
  const folder = nextMigrationName(migrationsList, name);
  const dir = await writeMigration(migrationsDir, folder, out.stdout);
  return { name: folder, file: path.join(dir, "migration.sql"), script: out.stdout };
}

export interface MigrationStatus {
  /** Migrations in the folder, in order. */
  local: string[];
  /** Successfully applied (and not rolled back), per `_prisma_migrations`. */
  applied: string[];
  /** In the folder, not yet applied. */
  pending: string[];
  /** Failed attempts not yet resolved, with the error Prisma logged. */
  failed: { name: string; logs: string | null }[];
  /** Applied, but migration.sql was edited since (checksum differs). */
  modified: string[];
  /** Applied to the database but absent from the folder. */
  missingLocally: string[];
  /** True when nothing is pending, failed, modified or missing. */
  upToDate: boolean;
}

/** `prisma migrate status`. Reads only: no shadow database, no writes. */
export async function migrationStatus({ databaseUrl, migrationsDir }: MigrationsOptions): Promise<MigrationStatus> {
  const migrationsList = await listMigrations(migrationsDir);
  const diagnostic = await withEngine(databaseUrl, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER }),
  );
  const rows = diagnostic.hasMigrationsTable
    ? await withClient(databaseUrl, (c) =>
        c.query<{ name: string; finished: boolean; logs: string | null }>(
          `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, logs
             FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
        ),
      ).then((r) => r.rows)
    : [];
  const history = diagnostic.history;
  const pending =
    history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge" ? history.unappliedMigrationNames : [];
  const missingLocally =
    history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge"
      ? history.unpersistedMigrationNames
      : [];
  const failed = diagnostic.failedMigrationNames.map((name) => ({
    name,
    logs: stripSpanTrace(rows.find((r) => r.name === name && !r.finished)?.logs ?? "") || null,
  }));
  const status = {
    local: migrationsList.migrationDirectories.map((d) => d.path),
    applied: [...new Set(rows.filter((r) => r.finished).map((r) => r.name))],
    pending: pending.filter((name) => !diagnostic.failedMigrationNames.includes(name)),
    failed,
    modified: diagnostic.editedMigrationNames,
    missingLocally,
  };
  const upToDate = status.pending.length + status.failed.length + status.modified.length + status.missingLocally.length === 0;
  return { ...status, upToDate };
}

function slugify(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new MigrationError(`Invalid migration name "${name}": use letters, digits and underscores.`);
  return slug.slice(0, 200);
}

function assertReadable(list: MigrationList): void {
  for (const dir of list.migrationDirectories) {
    if (dir.migrationFile.content.tag === "error") {
      throw new MigrationError(`Cannot read ${dir.path}/migration.sql: ${dir.migrationFile.content.value}`);
    }
  }
}
