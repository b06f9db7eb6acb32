/**
 * `npm run geo:import -- --level communes communes.geojson`: imports territory contours (see
 * lib/map/import.ts). `--level` is region, departements, communes or qpv (ANCT GeoJSON, or CSV
 * for the list without contours). `npm run geo:import -- --dir ../shared/data/geo` imports the
 * reference files found in a folder.
 */
import { parseArgs } from "node:util";
import { runCli, UserFacingError } from "@/lib/cli/run";
import { parseEnv } from "@/lib/config/env";
import { withCommandDatabase } from "@/lib/db/command-database";
import {
  importGeometryDirectory,
  importQpvFileAnyFormat,
  importTerritoryGeometryFile,
  TERRITORY_LAYERS,
  type GeometryImportSummary,
} from "@/lib/map/import";

const USAGE =
  "Usage : npm run geo:import -- --level communes|departements|region|qpv fichier.geojson\n" +
  "        npm run geo:import -- --dir ../shared/data/geo";

function report(summary: GeometryImportSummary) {
  const epci = summary.epci !== undefined ? `, ${summary.epci} EPCI calculés par union de leurs communes` : "";
  console.log(`${summary.layer} : ${summary.features} entités lues, ${summary.shapes} territoires dessinés${epci}.`);
  const merged = summary.unmatched.filter((u) => u.mergedInto);
  const unknown = summary.unmatched.filter((u) => !u.mergedInto);
  if (merged.length > 0) {
    console.log(`  ${merged.length} anciennes communes rattachées à leur commune actuelle :`);
    for (const u of merged) console.log(`    ${u.code} ${u.name ?? ""} → ${u.mergedInto}`);
  }
  if (unknown.length > 0) {
    console.log(
      `  ${unknown.length} entités ignorées, leur code n'est pas un territoire actuel du référentiel (commune fusionnée depuis la date du fichier ?) :`,
    );
    for (const u of unknown) console.log(`    ${u.code} ${u.name ?? ""}`);
  }
}

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({ options: { level: { type: "string" }, dir: { type: "string" } }, allowPositionals: true });
  } catch (error) {
    throw new UserFacingError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!values.dir && (!values.level || !file)) throw new UserFacingError(USAGE);
  if (values.level && values.level !== "qpv" && !(values.level in TERRITORY_LAYERS)) {
    throw new UserFacingError(`Niveau inconnu : ${values.level}.\n${USAGE}`);
  }
  const progress = (line: string) => console.log(`  ${line}`);
  await withCommandDatabase(parseEnv(), async (db) => {
    if (values.dir) {
      const summaries = await importGeometryDirectory(db, values.dir, progress);
      if (summaries.length === 0) throw new UserFacingError(`Aucun fichier de contours connu dans ${values.dir}.`);
      summaries.forEach(report);
    } else if (values.level === "qpv") {
      const summary = await importQpvFileAnyFormat(db, file!, progress);
      console.log(
        `QPV : ${summary.imported} importés sur ${summary.rows}, ${summary.skippedOutsideReference} hors des communes du référentiel` +
          (summary.shapes !== undefined ? `, ${summary.shapes} contours enregistrés.` : " (fichier CSV : pas de contours)."),
      );
    } else {
      report(await importTerritoryGeometryFile(db, TERRITORY_LAYERS[values.level as keyof typeof TERRITORY_LAYERS], file!, progress));
    }
  });
});
