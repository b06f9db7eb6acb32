/** `npm run db:restore -- FILE`: restores a db:backup file into an empty database (ADR 008). */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { restoreBackup } from "@/lib/backup/restore";
import { runCli, UserFacingError } from "@/lib/cli/run";
import { parseEnv } from "@/lib/config/env";
import { withCommandDatabase } from "@/lib/db/command-database";

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../prisma/migrations");

runCli(async () => {
  const [file, ...extra] = process.argv.slice(2);
  if (!file || extra.length || /[\u0000-\u001f]/.test(file))
    throw new UserFacingError("Usage : npm run db:restore -- FICHIER (dans une base vide ; arrêtez d'abord l'application)");
  const env = parseEnv();
  await withCommandDatabase(env, async (_db, databaseUrl) => {
    const summary = await restoreBackup({ databaseUrl, file: path.resolve(file), migrationsDir });
    console.log(`Restauré : ${summary.tables} tables, ${summary.rows} lignes, ${summary.files} fichiers.`);
    if (summary.migratedAfter.length) console.log(`Migrations plus récentes appliquées ensuite : ${summary.migratedAfter.join(", ")}.`);
  });
});
