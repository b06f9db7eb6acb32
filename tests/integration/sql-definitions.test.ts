import { readFile } from "node:fs/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { readSqlDefinitions, SQL_DEFINITIONS_FILE } from "@/lib/db/sql-definitions";

describe("prisma/functions-and-triggers.sql", () => {
  it("is what the migrations define (else: npm run db:sql-definitions)", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // The file as written: a stale copy would mislead whoever reads it instead of the migrations.
      expect(await readFile(SQL_DEFINITIONS_FILE, "utf8")).toBe(await readSqlDefinitions(client));
    } finally {
      await client.end();
    }
  });
});
