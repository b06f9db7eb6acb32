import { createHash, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { truncate } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync, gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArchiveWriter, BackupError, readArchive } from "@/lib/backup/archive";
import { createBackup } from "@/lib/backup/backup";
import { withBackupSource } from "@/lib/backup/command";
import { parseEnv } from "@/lib/config/env";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { restoreBackup } from "@/lib/backup/restore";
import { createPrismaClient } from "@/lib/db/connect";
import { loadDemoContent } from "@/lib/demo/load";
import { makeUser } from "../support/accounts";
import { enqueueMail, installMailQueuesOn } from "@/lib/mail/queue";
import { renderMail } from "@/lib/mail/template";
import { createTestDatabase, type TestDatabase } from "../support/database";

const migrationsDir = path.resolve("prisma/migrations");
const work = mkdtempSync(path.join(os.tmpdir(), "reperes-backup-test-"));
const db = createPrismaClient();
const targets: TestDatabase[] = [];

async function newTarget() {
  const target = await createTestDatabase({ prefix: "reperes_restore" });
  targets.push(target);
  return target;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Row count and an order-independent checksum of every table's text form, and every sequence. */
async function fingerprint(url: string) {
  const tables = await query<{ name: string }>(
    url,
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ count: string; sum: string | null }>(
      url,
      `SELECT count(*)::text AS count, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS sum FROM "${name}" t`,
    );
    result[name] = `${row!.count}:${row!.sum}`;
  }
  const sequences = await query<{ name: string }>(
    url,
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY 1`,
  );
  for (const { name } of sequences) {
    const [row] = await query<{ v: string }>(url, `SELECT last_value::text || '/' || is_called AS v FROM "${name}"`);
    result[`sequence ${name}`] = row!.v;
  }
  return result;
}

const storedFiles = (url: string) =>
  query<{ key: string; sha: string }>(url, `SELECT key, encode(sha256(bytes), 'hex') AS sha FROM "StoredFile" ORDER BY key`);

let backupFile: string;
let storedKey: string;

beforeAll(async () => {
  await loadDemoContent(db);
  const user = await makeUser(db, "EDITOR");
  // Text COPY must carry tabs, newlines, backslashes and non-Latin text unchanged.
  await db.actor.create({
    data: { slug: "acteur-echappements", name: "Tab\there \\N \\\\ ligne\nsuivante « é » 日本", kind: "ASSOCIATION", description: "\r\n" },
  });
  storedKey = `${randomBytes(16).toString("hex")}.pdf`;
  const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(300_000)]);
  await db.storedFile.create({ data: { key: storedKey, size: bytes.length, bytes } });
  await db.source.create({
    data: {
      slug: "document-televerse",
      kind: "DOCUMENT",
      title: "Document",
      fileKey: storedKey,
      fileName: "doc.pdf",
      fileType: "application/pdf",
      fileSize: 300_009,
      fileUploadedById: user.id,
    },
  });
  await db.auditEvent.create({ data: { action: "test.backup", userId: user.id, details: { note: "avant la sauvegarde" } } });
  await enqueueMail(
    db,
    user.email,
    renderMail({ subject: "En file", paragraphs: ["Pas encore envoyé."], reason: "Test." }),
    "https://reperes.example.org",
  );
  // The backup runs while another transaction holds row locks and writes: it must neither wait
  // for it nor see its rows.
  const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await writer.connect();
  await writer.query("BEGIN");
  await writer.query(`UPDATE "Initiative" SET title = 'pas encore validé' WHERE id = (SELECT min(id) FROM "Initiative")`);
  await writer.query(`INSERT INTO "AuditEvent" (action) VALUES ('pendant la sauvegarde')`);
  try {
    backupFile = path.join(work, "reperes.backup");
    const summary = await createBackup({ databaseUrl: process.env.DATABASE_URL!, file: backupFile });
    expect(summary.files).toBe(1);
  } finally {
    await writer.query("ROLLBACK");
    await writer.end();
  }
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  for (const target of targets) await target.drop();
});

describe("db:backup and db:restore", () => {
  it("restores every row, sequence and file into an empty database", async () => {
    const target = await newTarget();
    const summary = await restoreBackup({ databaseUrl: target.url, file: backupFile, migrationsDir });
    expect(summary.files).toBe(1);
    expect(summary.migratedAfter).toEqual([]);

    const before = await fingerprint(process.env.DATABASE_URL!);
    expect(Number(before.Initiative!.split(":")[0])).toBeGreaterThan(0);
    expect(await fingerprint(target.url)).toEqual(before);
    expect(await storedFiles(target.url)).toEqual(await storedFiles(process.env.DATABASE_URL!));
    expect((await storedFiles(target.url)).map((f) => f.key)).toEqual([storedKey]);
    // The mail queue is left out on purpose (ADR 012): a restored site must not send old messages
    // again. The start installs the queue anew, empty.
    expect(await query(target.url, `SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'`)).toEqual([]);
    await installMailQueuesOn(target.url);
    expect(await query(target.url, `SELECT id FROM pgboss.job`)).toEqual([]);

    const restored = createPrismaClient(target.url);
    try {
      // The uncommitted writes of the concurrent transaction are not in the backup.
      expect(await restored.initiative.count({ where: { title: "pas encore validé" } })).toBe(0);
      expect(await restored.auditEvent.count({ where: { action: "pendant la sauvegarde" } })).toBe(0);
      // Triggers are back on: the audit log refuses changes, new rows get fresh ids, search follows edits.
      await expect(restored.auditEvent.deleteMany({})).rejects.toThrow();
      const actor = await restored.actor.create({ data: { slug: "apres-restauration", name: "Après", kind: "OTHER" } });
      expect(actor.id).toBeGreaterThan((await db.actor.aggregate({ _max: { id: true } }))._max.id!);
      const first = await restored.initiative.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } });
      await restored.initiative.update({ where: { id: first.id }, data: { title: "Titre introuvable ailleurs zorglub" } });
      const found = await restored.$queryRawUnsafe<{ id: number }[]>(
        `SELECT "initiativeId" AS id FROM "InitiativeSearch" WHERE document @@ plainto_tsquery('french', 'zorglub')`,
      );
      expect(found.map((r) => r.id)).toEqual([first.id]);
    } finally {
      await restored.$disconnect();
    }
  }, 120_000);

  it("refuses a non-empty database, a truncated file and a file that is not a backup, changing nothing", async () => {
    await expect(restoreBackup({ databaseUrl: process.env.DATABASE_URL!, file: backupFile, migrationsDir })).rejects.toThrow(
      /n'est pas vide/,
    );

    const truncated = path.join(work, "tronquee.backup");
    writeFileSync(truncated, gzipSync(gunzipSync(readFileSync(backupFile)).subarray(0, 50_000)));
    const target = await newTarget();
    await expect(restoreBackup({ databaseUrl: target.url, file: truncated, migrationsDir })).rejects.toThrow(/tronqué/);
    const cut = path.join(work, "coupee.backup");
    writeFileSync(cut, readFileSync(backupFile));
    await truncate(cut, 10_000);
    await expect(restoreBackup({ databaseUrl: target.url, file: cut, migrationsDir })).rejects.toThrow(BackupError);
    const junk = path.join(work, "autre.txt");
    writeFileSync(junk, "\u0000%ff" + "x".repeat(10_000));
    await expect(restoreBackup({ databaseUrl: target.url, file: junk, migrationsDir })).rejects.toThrow(BackupError);
    // Nothing was created: the same database still takes the good backup.
    expect(await query(target.url, `SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`)).toEqual([]);
  });

  it("brings an older backup up to the code's migrations, and refuses one from a newer version", async () => {
    const all = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const older = path.join(work, "migrations-older");
    mkdirSync(older);
    writeFileSync(path.join(older, "migration_lock.toml"), readFileSync(path.join(migrationsDir, "migration_lock.toml")));
    for (const name of all.slice(0, -1)) {
      mkdirSync(path.join(older, name));
      writeFileSync(path.join(older, name, "migration.sql"), readFileSync(path.join(migrationsDir, name, "migration.sql")));
    }
    const source = await newTarget();
    await applyMigrations({ databaseUrl: source.url, migrationsDir: older });
    await query(source.url, `INSERT INTO "Actor" (slug, name, kind, "updatedAt") VALUES ('ancien', 'Acteur d''avant', 'OTHER', now())`);
    const oldKey = `${randomBytes(16).toString("hex")}.pdf`;
    await query(
      source.url,
      `INSERT INTO "Source" (slug, kind, title, "fileKey", "updatedAt") VALUES ('ancien-document', 'DOCUMENT', 'Ancien', '${oldKey}', now())`,
    );
    const made = path.join(work, "older-made.backup");
    await createBackup({ databaseUrl: source.url, file: made });
    // Before ADR 010, documents followed the tables as file records: one is added to this backup.
    const file = path.join(work, "older.backup");
    const writer = new ArchiveWriter(file);
    const oldBytes = Buffer.from("%PDF-1.7\n% document d'une ancienne sauvegarde\n");
    for await (const { header, body } of readArchive(made)) {
      if (header.type === "end")
        await writer.record({ type: "file", name: oldKey, sha256: createHash("sha256").update(oldBytes).digest("hex") }, oldBytes);
      await writer.record(header, body);
    }
    await writer.close();

    const target = await newTarget();
    const summary = await restoreBackup({ databaseUrl: target.url, file, migrationsDir });
    expect(summary.migratedAfter).toEqual([all.at(-1)]);
    expect(await query(target.url, `SELECT name FROM "Actor" WHERE slug = 'ancien'`)).toEqual([{ name: "Acteur d'avant" }]);
    expect(summary.files).toBe(1);
    expect(await storedFiles(target.url)).toEqual([{ key: oldKey, sha: createHash("sha256").update(oldBytes).digest("hex") }]);

    const fresh = await newTarget();
    await expect(restoreBackup({ databaseUrl: fresh.url, file: backupFile, migrationsDir: older })).rejects.toThrow(/plus récente/);
  }, 120_000);

  it("backs up the embedded database of a running app without stopping it", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "reperes-running-"));
    chmodSync(root, 0o755);
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    // As `npm start` runs it: the data folder and port of the configuration, database "reperes".
    const running = await startEmbeddedDatabase({ dataDir: path.join(root, "postgres"), port, database: "reperes" });
    try {
      await applyMigrations({ databaseUrl: running.url, migrationsDir });
      const env = parseEnv({ REPERES_DATA_DIR: root, EMBEDDED_POSTGRES_PORT: String(port) });
      // Starting a second server on that folder and port would fail: the running one is used.
      const file = path.join(root, "running.backup");
      const summary = await withBackupSource(env, (url) => createBackup({ databaseUrl: url, file }));
      expect(summary.tables).toBeGreaterThan(10);
      const [row] = await query<{ n: string }>(running.url, "SELECT count(*)::text AS n FROM _prisma_migrations");
      expect(Number(row!.n)).toBeGreaterThan(0);
    } finally {
      await running.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it("never overwrites an existing file", async () => {
    await expect(createBackup({ databaseUrl: process.env.DATABASE_URL!, file: backupFile })).rejects.toThrow(/existe déjà/);
  });
});
