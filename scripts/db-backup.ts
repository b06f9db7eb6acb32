/** `npm run db:backup -- FILE`: database, uploaded documents included, in one file, app running or not (ADR 008). */
import path from "node:path";
import { createBackup } from "@/lib/backup/backup";
import { withBackupSource } from "@/lib/backup/command";
import { runCli, UserFacingError } from "@/lib/cli/run";
import { parseEnv } from "@/lib/config/env";

runCli(async () => {
  const [file, ...extra] = process.argv.slice(2);
  if (!file || extra.length || /[\u0000-\u001f]/.test(file))
    throw new UserFacingError("Usage : npm run db:backup -- FICHIER (par exemple reperes-2026-12-01.backup)");
  const env = parseEnv();
  await withBackupSource(env, async (databaseUrl) => {
    const started = Date.now();
    const summary = await createBackup({ databaseUrl, file: path.resolve(file) });
    console.log(
      `Sauvegarde écrite dans ${file} en ${((Date.now() - started) / 1000).toFixed(1)} s : ` +
        `${summary.tables} tables, ${summary.rows} lignes, ${summary.files} fichiers.`,
    );
  });
});
