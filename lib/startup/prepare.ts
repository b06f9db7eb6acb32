import { existsSync } from "node:fs";
import path from "node:path";
import { UserFacingError } from "@/lib/cli/run";
import { ensureDemoAccounts, openDemoAccounts, type DemoPolicy } from "@/lib/demo/accounts";
import { loadDemoContent } from "@/lib/demo/load";
import { writeBaselineRevisions } from "@/lib/editorial/baseline";
import { importGeometryDirectory } from "@/lib/map/import";
import { loadReferenceData, referenceIsCurrent, type Progress } from "@/lib/reference/load";
import { installMailQueuesOn } from "@/lib/mail/queue";
import { importLegacyUploads } from "@/lib/uploads/legacy";
import { createPrismaClient } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { MIGRATIONS_DIR } from "@/lib/db/migrations/files";

export interface PrepareResult {
  appliedMigrations: string[];
  referenceLoaded: boolean;
  demoLoaded: boolean;
  /** E-mails of the demo accounts that open with their published password. */
  demoAccountsOpen: string[];
  geometryLoaded: boolean;
  /** Documents brought from the former uploads folder into the database. */
  filesImported: number;
}

// Start-up sits above every domain module it calls, so that lib/db stays the lowest layer
// (connection and migrations) and imports none of them (eslint.config.mjs).

/**
 * Brings a database to a usable state: pending migrations applied, reference data loaded when
 * the territory table is empty, the demo content when asked for and no initiative exists, and
 * the map contours of `geometryDir` when that folder exists and no contour was ever imported,
 * and the documents of `legacyUploadDir` (where uploads were kept before ADR 010) when it exists.
 */
export async function prepareDatabase(
  databaseUrl: string,
  options: {
    demo: boolean;
    demoAccounts?: DemoPolicy["demoAccounts"];
    progress?: Progress;
    geometryDir?: string;
    legacyUploadDir?: string;
  },
): Promise<PrepareResult> {
  const progress = options.progress ?? (() => {});
  const appliedMigrations = await applyMigrations({ databaseUrl, migrationsDir: MIGRATIONS_DIR });
  for (const name of appliedMigrations) progress(`migration appliquée : ${name}`);
  // pg-boss migrates its own schema (ADR 012): done here too, so that a message can be queued
  // before any server has started its worker.
  await installMailQueuesOn(databaseUrl);

  const db = createPrismaClient(databaseUrl);
  try {
    // Loaded into an empty database, and again whenever the reference shipped with the code
    // changed (a new vocabulary entry, a territory placed differently): it keeps staff's edits.
    let referenceLoaded = false;
    if (!(await referenceIsCurrent(db))) {
      await loadReferenceData(db, progress);
      referenceLoaded = true;
    }
    const demoLoaded = options.demo ? await loadDemoContent(db) : false;
    if (demoLoaded) progress("contenu de démonstration chargé (synthèse IREV du 12 décembre 2023)");
    if (referenceLoaded || demoLoaded) await writeBaselineRevisions(db);
    // Demo accounts only with the demo content: a populated database never gets a default account.
    const demoAccounts = options.demoAccounts ?? "create";
    if (demoLoaded && demoAccounts === "create" && (await ensureDemoAccounts(db)) > 0) progress("comptes de démonstration créés");
    const demoAccountsOpen = options.demo || demoAccounts === "refuse" ? await openDemoAccounts(db) : [];
    if (demoAccounts === "refuse" && demoAccountsOpen.length > 0) {
      throw new UserFacingError(
        `la base contient des comptes de démonstration dont le mot de passe est publié (${demoAccountsOpen.join(", ")}). ` +
          "En production, désactivez-les ou changez leur mot de passe, ou acceptez-les explicitement avec REPERES_ALLOW_DEMO_ACCOUNTS=true.",
      );
    }
    let geometryLoaded = false;
    if (options.geometryDir && existsSync(options.geometryDir) && (await db.geometryImport.count()) === 0) {
      const summaries = await importGeometryDirectory(db, options.geometryDir);
      geometryLoaded = summaries.length > 0;
      for (const s of summaries)
        progress(`contours de la carte : ${s.shapes} territoires (${s.layer.toLowerCase()}, ${path.basename(options.geometryDir)})`);
    }
    // Here rather than in a migration: SQL cannot read the folder, and it is the start that knows
    // where the configuration put it. Every start checks; after the first the folder is gone.
    const legacy = options.legacyUploadDir ? await importLegacyUploads(db, options.legacyUploadDir) : null;
    if (legacy)
      progress(
        `documents téléversés importés dans la base : ${legacy.added}${legacy.movedTo ? ` (l'ancien dossier est devenu ${legacy.movedTo} : il peut être supprimé)` : ""}`,
      );
    return { appliedMigrations, referenceLoaded, demoLoaded, demoAccountsOpen, geometryLoaded, filesImported: legacy?.added ?? 0 };
  } finally {
    await db.$disconnect();
  }
}
