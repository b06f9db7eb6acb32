import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

const PG_CHAR_OID = 18; // PostgreSQL's internal one-byte "char" type
const PG_TEXT_OID = 25;

/** Run `work` with a single short-lived connection (used for CREATE/DROP DATABASE). */
export async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * PostgreSQL 18 records every NOT NULL as a pg_constraint row of type 'n', which the 7.10 engine
 * does not know: its introspection of check constraints panics on them (seen with the embedded
 * PostgreSQL 18). Nullability is read from pg_attribute anyway, so these rows carry nothing the
 * engine needs; dropping them makes PostgreSQL 18 look like 15-17 to it.
 */
function withoutNotNullConstraints(result: pg.QueryResult<unknown[]>): pg.QueryResult<unknown[]> {
  const column = result.fields.findIndex((field) => field.name === "constraint_type");
  if (column === -1) return result;
  const rows = result.rows.filter((row) => row[column] !== "n");
  return { ...result, rows, rowCount: rows.length };
}

type PerformIO = (query: unknown) => Promise<pg.QueryResult<unknown[]>>;

/**
 * adapter-pg 7.10 maps every result column's type OID to a Prisma column type and throws
 * "Unsupported column type char" for OID 18, the internal `"char"` type that the engine's
 * introspection reads from the catalogs (pg_class.relkind, pg_constraint.contype, ...).
 * pg already returns those values as JS strings, so reporting the column as `text` is exact.
 * The mapping happens in queryRaw right after the adapter's `performIO`, so we wrap that method
 * on the instance (and on every transaction it opens). It is internal to adapter-pg, whose
 * version is pinned: fail loudly if it ever disappears instead of misbehaving.
 */
function decodeCharAsText<T extends object>(queryable: T): T {
  const target = queryable as T & { performIO?: PerformIO };
  const performIO = target.performIO;
  if (typeof performIO !== "function") {
    throw new Error("@prisma/adapter-pg internals changed (no performIO): revisit lib/db/migrations/adapter.ts");
  }
  target.performIO = async (query) => {
    const result = await performIO.call(queryable, query);
    for (const field of result.fields) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return withoutNotNullConstraints(result);
  };
  return queryable;
}

/**
 * adapter-pg's executeScript splits the script on every ";" and sends the pieces one by one,
 * which breaks function bodies (`$$ ... ; ... $$`) and strings containing ";", and loses
 * atomicity. Prisma's native engine sends a migration as ONE simple-protocol query: PostgreSQL
 * then runs it in an implicit transaction, so a failing migration leaves no partial changes.
 * We do the same.
 */
function executeScriptWhole(adapter: SqlDriverAdapter, onScriptError: (e: Error) => void): SqlDriverAdapter {
  const internals = adapter as unknown as { underlyingDriver(): pg.Pool; onError(e: unknown): never };
  const pool = internals.underlyingDriver();
  const onError = internals.onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      // The engine only keeps adapter-pg's mapped error ("No such table: Nope"); keep the real one.
      onScriptError(error as Error);
      onError(error); // converts the pg error to Prisma's DriverAdapterError, as the original does
    }
  };
  return adapter;
}

function patchAdapter(adapter: SqlDriverAdapter, onScriptError: (e: Error) => void): SqlDriverAdapter {
  decodeCharAsText(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => decodeCharAsText(await startTransaction(isolationLevel));
  return executeScriptWhole(adapter, onScriptError);
}

export interface EngineAdapter {
  factory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
  /** Closes the connections and drops any shadow database still alive. Call after engine.free(). */
  cleanup(): Promise<void>;
  /** The PostgreSQL error of the last migration script that failed, e.g. `relation "x" does not exist`. */
  lastScriptError: (Error & { code?: string }) | undefined;
}

/**
 * The migration-aware adapter factory the wasm engine drives. The shadow database (needed to
 * replay the migrations folder when diffing) is a throwaway database we create on the same
 * server and always drop, with FORCE so lingering pool connections cannot keep it alive.
 * (adapter-pg's own connectToShadowDb drops the database before closing its pool, which fails.)
 */
export function createEngineAdapter(databaseUrl: string): EngineAdapter {
  const shadows = new Set<string>();
  const opened = new Set<SqlDriverAdapter>();
  const onScriptError = (error: Error) => {
    result.lastScriptError = error;
  };
  const dropShadow = async (name: string) => {
    if (!shadows.delete(name)) return;
    await withClient(databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };

  const raw: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => {
      const adapter = patchAdapter(await new PrismaPg({ connectionString: databaseUrl }).connect(), onScriptError);
      opened.add(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const name = `reperes_shadow_${process.pid}_${randomBytes(4).toString("hex")}`;
      await withClient(databaseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
      shadows.add(name);
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      const adapter = patchAdapter(await new PrismaPg({ connectionString: url.toString() }).connect(), onScriptError);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await dropShadow(name);
      };
      return adapter;
    },
  };
  const result: EngineAdapter = {
    factory: bindMigrationAwareSqlAdapterFactory(raw),
    cleanup: async () => {
      // engine.free() does not dispose the adapter. Its pool must be closed anyway: the engine
      // takes `pg_advisory_lock(72707369)` (as `prisma migrate` does) and never unlocks it,
      // relying on the session ending, so an idle pooled session would block the next run.
      for (const adapter of opened) await adapter.dispose().catch(() => undefined);
      opened.clear();
      for (const name of [...shadows]) await dropShadow(name).catch(() => undefined);
    },
    lastScriptError: undefined,
  };
  return result;
}
