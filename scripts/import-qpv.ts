/** `npm run data:import-qpv -- liste-qpv.csv`: imports the official QPV list (see lib/reference/qpv-import.ts). */
import { runCli, UserFacingError } from "@/lib/cli/run";
import { parseEnv } from "@/lib/config/env";
import { withCommandDatabase } from "@/lib/db/command-database";
import { importQpvFile } from "@/lib/reference/qpv-import";

runCli(async () => {
  const file = process.argv[2];
  if (!file) throw new UserFacingError("Indiquez le fichier CSV des QPV : npm run data:import-qpv -- chemin/vers/liste.csv");
  await withCommandDatabase(parseEnv(), async (db) => {
    const summary = await importQpvFile(db, file, (line) => console.log(`  ${line}`));
    console.log(
      `Import terminé : ${summary.imported} QPV importés sur ${summary.rows} lignes, ` +
        `${summary.skippedOutsideReference} hors des communes du référentiel, ${summary.replacedProvisional} QPV provisoires remplacés.`,
    );
  });
});
