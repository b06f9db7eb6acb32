import { createHash } from "node:crypto";
import { once } from "node:events";
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createPrismaClient } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { LOCKFILE, MIGRATION_FILE } from "@/lib/db/migrations/files";
import { STORED_KEY } from "@/lib/uploads/files";
import { importStoredFiles } from "@/lib/uploads/legacy";
import { STORED_FILE_TABLE } from "./backup";
import { BackupError, readArchive, type RecordHeader } from "./archive";
import { quoteIdent, type TableSpec } from "./catalog";

interface Manifest {
  migrations: { name: string }[];
  tables: TableSpec[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

function asManifest(header: RecordHeader | undefined): Manifest {
  const manifest = header as unknown as Partial<Manifest> | undefined;
  if (
    header?.type !== "manifest" ||
    !Array.isArray(manifest?.migrations) ||
    !Array.isArray(manifest.tables) ||
    !Array.isArray(manifest.sequences)
  ) {
    throw new BackupError("Ce fichier n'est pas une sauvegarde de Repères (pas de description en tête).");
  }
  return manifest as Manifest;
}

type CopyStream = ReturnType<typeof copyFrom>;
type CopyInProgress = { table: string; stream: CopyStream; done: Promise<void> };

export interface RestoreSummary {
  tables: number;
  rows: number;
  files: number;
  /** Migrations newer than the backup, applied after its data. */
  migratedAfter: string[];
}

/**
 * Restores a backup of createBackup into an empty database: migrates it to the backup's
 * migrations, copies every table in one transaction (triggers off: the rows already hold what
 * they computed), sets the sequences, then applies the newer migrations of the code. Uploaded
 * documents are rows of "StoredFile"; those of a backup made before ADR 010 (separate file
 * records) are imported into it once the newer migrations have created it. See ADR 008.
 */
export async function restoreBackup(options: { databaseUrl: string; file: string; migrationsDir: string }): Promise<RestoreSummary> {
  // A damaged file is refused before the database is touched (a half-restored one could not be retried).
  await verifyBackup(options.file);
  await assertEmptyDatabase(options.databaseUrl);
  const records = readArchive(options.file)[Symbol.asyncIterator]();
  const first = await records.next();
  const manifest = asManifest(first.done ? undefined : first.value.header);
  await migrateTo(
    options.databaseUrl,
    options.migrationsDir,
    manifest.migrations.map((m) => m.name),
  );

  const summary: RestoreSummary = { tables: 0, rows: 0, files: 0, migratedAfter: [] };
  const staging = await mkdtemp(path.join(os.tmpdir(), "reperes-restore-files-"));
  const client = new pg.Client({ connectionString: options.databaseUrl });
  try {
    await client.connect();
    await client.query("BEGIN");
    const tableList = manifest.tables.map((t) => quoteIdent(t.name)).join(", ");
    for (const table of manifest.tables) await client.query(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
    // Migrations may insert rows of their own (the search version's single row): the backup's win.
    if (tableList) await client.query(`TRUNCATE ${tableList}`);

    const columns = new Map(manifest.tables.map((t) => [t.name, t.columns]));
    let copy = null as CopyInProgress | null;
    let ended = false;
    for (let next = await records.next(); !next.done; next = await records.next()) {
      const { header, body } = next.value;
      if (header.type === "rows" || header.type === "table-end") {
        const table = String(header.table);
        if (!columns.has(table)) throw new BackupError(`Sauvegarde incohérente : table inconnue ${table}.`);
        if (copy?.table !== table) {
          if (copy) throw new BackupError(`Sauvegarde incohérente : la table ${copy.table} n'est pas terminée.`);
          const stream: CopyStream = client.query(
            copyFrom(`COPY ${quoteIdent(table)} (${columns.get(table)!.map(quoteIdent).join(", ")}) FROM STDIN`),
          );
          copy = { table, stream, done: finished(stream) };
          copy.done.catch(() => undefined);
        }
        if (header.type === "rows") {
          if (!copy.stream.write(body)) await Promise.race([once(copy.stream, "drain"), copy.done]);
        } else {
          copy.stream.end();
          await copy.done;
          if (copy.stream.rowCount !== header.rows) {
            throw new BackupError(
              `Sauvegarde incohérente : ${table} devait compter ${String(header.rows)} lignes, ${copy.stream.rowCount} copiées.`,
            );
          }
          summary.tables += 1;
          summary.rows += copy.stream.rowCount;
          if (table === STORED_FILE_TABLE) summary.files += copy.stream.rowCount;
          copy = null;
        }
      } else if (header.type === "file") {
        const name = String(header.name);
        if (!STORED_KEY.test(name)) throw new BackupError(`Sauvegarde incohérente : nom de fichier refusé (${name.slice(0, 80)}).`);
        if (createHash("sha256").update(body).digest("hex") !== header.sha256)
          throw new BackupError(`Sauvegarde abîmée : le fichier ${name} ne correspond pas à son empreinte.`);
        await writeFile(path.join(staging, name), body, { mode: 0o600 });
      } else if (header.type === "end") {
        ended = true;
      } else {
        throw new BackupError(`Sauvegarde illisible : enregistrement inconnu (${header.type.slice(0, 40)}).`);
      }
    }
    if (!ended || copy || summary.tables !== manifest.tables.length)
      throw new BackupError("Fichier de sauvegarde tronqué : rien n'a été restauré.");

    for (const sequence of manifest.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [quoteIdent(sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    for (const table of manifest.tables) await client.query(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
    await client.query("COMMIT");
    summary.migratedAfter = await applyMigrations({ databaseUrl: options.databaseUrl, migrationsDir: options.migrationsDir });
    const db = createPrismaClient(options.databaseUrl);
    try {
      summary.files += await importStoredFiles(db, staging);
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
  }
  return summary;
}

/** Reads a whole backup file: complete, every table ended, every file matching its checksum. */
export async function verifyBackup(file: string): Promise<void> {
  let manifest: Manifest | null = null;
  const ended = new Set<string>();
  let complete = false;
  for await (const { header, body } of readArchive(file)) {
    if (!manifest) {
      manifest = asManifest(header);
      continue;
    }
    if (complete) throw new BackupError("Sauvegarde illisible : données après la fin.");
    if (header.type === "table-end") ended.add(String(header.table));
    if (header.type === "file" && createHash("sha256").update(body).digest("hex") !== header.sha256) {
      throw new BackupError(`Sauvegarde abîmée : le fichier ${String(header.name).slice(0, 80)} ne correspond pas à son empreinte.`);
    }
    if (header.type === "end") complete = true;
  }
  if (!manifest) throw new BackupError("Ce fichier n'est pas une sauvegarde de Repères.");
  if (!complete || manifest.tables.some((table) => !ended.has(table.name)))
    throw new BackupError("Fichier de sauvegarde tronqué : rien n'a été restauré.");
}

async function assertEmptyDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')`,
    );
    if (tables.rows[0]!.count !== "0") {
      throw new BackupError(
        "La base de destination n'est pas vide : une restauration se fait dans une base neuve (createdb, ou pour la base embarquée, " +
          "déplacez d'abord le dossier .data/postgres). Rien n'a été modifié.",
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Applies exactly the backup's migrations, which must be the oldest of the code's. */
async function migrateTo(databaseUrl: string, migrationsDir: string, names: string[]): Promise<void> {
  const local = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const prefix = local.slice(0, names.length);
  if (names.length > local.length || names.some((name, index) => prefix[index] !== name)) {
    const unknown = names.filter((name) => !local.includes(name));
    throw new BackupError(
      unknown.length
        ? `Cette sauvegarde vient d'une version plus récente de Repères (migrations inconnues : ${unknown.join(", ")}) : restaurez-la avec cette version.`
        : "Les migrations de cette sauvegarde ne sont pas celles de cette version de Repères, dans le même ordre : restaurez-la avec la version qui l'a faite.",
    );
  }
  const subset = await mkdtemp(path.join(os.tmpdir(), "reperes-restore-migrations-"));
  try {
    await copyFile(path.join(migrationsDir, LOCKFILE), path.join(subset, LOCKFILE));
    for (const name of names) {
      await mkdir(path.join(subset, name));
      await copyFile(path.join(migrationsDir, name, MIGRATION_FILE), path.join(subset, name, MIGRATION_FILE));
    }
    await applyMigrations({ databaseUrl, migrationsDir: subset });
  } finally {
    await rm(subset, { recursive: true, force: true });
  }
}
