/**
 * The SQL functions and triggers the migrations leave in a database, as one text: the file
 * prisma/functions-and-triggers.sql. A migration that changes a function redefines it whole
 * (reperes_search_rebuild is written by four migrations, reperes_search_refresh by three), so no
 * single migration shows what runs today; that file does, and a test compares it with what the
 * migrations produce, so that it cannot drift.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import type pg from "pg";
import { withClient } from "./migrations/adapter";
import { applyMigrations } from "./migrations/engine";

export const SQL_DEFINITIONS_FILE = path.resolve(import.meta.dirname, "../../prisma/functions-and-triggers.sql");

const HEADER = `-- Every SQL function and trigger that prisma/migrations leave in the database, as PostgreSQL
-- prints them back (pg_get_functiondef, pg_get_triggerdef): the one place to read what runs
-- today. Written by \`npm run db:sql-definitions\`; tests/integration/sql-definitions.test.ts
-- fails when it differs from what the migrations produce. Change a function by a migration,
-- then write this file again. The search read model kept by these triggers: ADR 004.
`;

/** The definitions file's text, read from a migrated database. */
export async function readSqlDefinitions(client: pg.Client): Promise<string> {
  // Extension functions (pg_trgm, unaccent) are the extensions', not ours.
  const functions = await client.query<{ oid: number; def: string }>(`
    SELECT p.oid, pg_get_functiondef(p.oid) AS def
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)`);
  const triggers = await client.query<{ function: number; name: string; table: string; def: string }>(`
    SELECT t.tgfoid AS function, t.tgname AS name, c.relname AS table, pg_get_triggerdef(t.oid, true) AS def
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND NOT t.tgisinternal
    ORDER BY c.relname, t.tgname`);

  const parts = [HEADER, "\n-- Functions, by name\n"];
  for (const fn of functions.rows) {
    const runBy = triggers.rows.filter((trigger) => trigger.function === fn.oid).map((trigger) => `${trigger.name} ON "${trigger.table}"`);
    parts.push("\n");
    if (runBy.length) parts.push(`-- Run by ${runBy.join(", ")}\n`);
    parts.push(`${fn.def.trimEnd()};\n`);
  }
  parts.push("\n-- Triggers, by table\n");
  let table: string | undefined;
  for (const trigger of triggers.rows) {
    if (trigger.table !== table) parts.push(`\n-- "${trigger.table}"\n`);
    table = trigger.table;
    parts.push(`${trigger.def};\n`);
  }
  return parts.join("");
}

/**
 * The definitions the migrations produce: applied to a throwaway database on the server of
 * `serverUrl`, read, then dropped.
 */
export async function sqlDefinitionsOfMigrations(serverUrl: string, migrationsDir: string): Promise<string> {
  const name = `reperes_sql_definitions_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await applyMigrations({ databaseUrl: url.toString(), migrationsDir });
    return await withClient(url.toString(), readSqlDefinitions);
  } finally {
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
