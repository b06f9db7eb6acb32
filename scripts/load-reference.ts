/** `npm run data:reference`: (re)loads vocabularies and territories; safe to run again. */
import { runCli } from "@/lib/cli/run";
import { parseEnv } from "@/lib/config/env";
import { withCommandDatabase } from "@/lib/db/command-database";
import { loadReferenceData } from "@/lib/reference/load";

runCli(async () => {
  await withCommandDatabase(parseEnv(), async (db) => {
    const started = Date.now();
    const summary = await loadReferenceData(db, (line) => console.log(`  ${line}`));
    console.log(
      `Référentiel chargé en ${((Date.now() - started) / 1000).toFixed(1)} s : ${summary.territories} territoires, ${summary.links} liens.`,
    );
  });
});
