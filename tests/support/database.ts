import { randomBytes } from "node:crypto";
import pg from "pg";

/** Set by the global setup (see tests/support/global-setup.ts) before any test file runs. */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error("TEST_DATABASE_SERVER_URL is not set: run the tests through vitest's global setup.");
  return url;
}

/**
 * A node-postgres pool on the test file's database. The file's database is dropped WITH (FORCE)
 * after its last hook, which ends the sessions of a pool still closing: without a listener that
 * is an uncaught exception, reported against whichever test file runs next.
 */
export function testFilePool(max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max });
  pool.on("error", () => undefined);
  return pool;
}

export function databaseUrl(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(work: (client: pg.Client) => Promise<T>, serverUrl = testServerUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a database with a unique name, empty or copied from a template (fast: a file copy);
 * `drop()` removes it, closing stray sessions.
 */
export async function createTestDatabase(options: { prefix?: string; template?: string; serverUrl?: string } = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? testServerUrl();
  const name = `${options.prefix ?? "reperes_test"}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const template = options.template ? ` TEMPLATE "${options.template}"` : "";
  await onServer((c) => c.query(`CREATE DATABASE "${name}"${template}`), serverUrl);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      onServer(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }, serverUrl),
  };
}
