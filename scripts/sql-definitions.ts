/**
 * `npm run db:sql-definitions`: writes prisma/functions-and-triggers.sql, the current
 * definition of every SQL function and trigger, from the migrations applied to a throwaway
 * database (DATABASE_URL only locates the server). Run it after writing a migration that
 * changes one.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { runCli, UserFacingError } from "@/lib/cli/run";
import { MIGRATIONS_DIR } from "@/lib/db/migrations/files";
import { SQL_DEFINITIONS_FILE, sqlDefinitionsOfMigrations } from "@/lib/db/sql-definitions";

runCli(async () => {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new UserFacingError("DATABASE_URL n'est pas défini (par exemple postgresql://postgres@127.0.0.1:5432/postgres).");
  await writeFile(SQL_DEFINITIONS_FILE, await sqlDefinitionsOfMigrations(serverUrl, MIGRATIONS_DIR));
  console.log(`Écrit : ${path.relative(process.cwd(), SQL_DEFINITIONS_FILE)}`);
});
