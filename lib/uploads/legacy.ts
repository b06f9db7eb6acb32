import { existsSync } from "node:fs";
import { readdir, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@/lib/db/connect";
import { STORED_KEY } from "./files";

/**
 * Brings documents kept in a folder (uploads before ADR 010, or the files of an older backup)
 * into StoredFile: those a source names and the table lacks. Idempotent, and safe when two
 * instances start at once (ON CONFLICT). Returns how many were added.
 */
export async function importStoredFiles(db: Database, dir: string): Promise<number> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const keys = names.filter((name) => STORED_KEY.test(name));
  if (!keys.length) return 0;
  // Orphans (a replaced document whose deletion did not happen) are left behind.
  const wanted = await db.$queryRaw<{ key: string }[]>`
    SELECT s."fileKey" AS key FROM "Source" s
     WHERE s."fileKey" = ANY(${keys}) AND NOT EXISTS (SELECT FROM "StoredFile" f WHERE f.key = s."fileKey")`;
  let added = 0;
  for (const { key } of wanted) {
    const bytes = await readFile(path.join(dir, key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null; // another instance moved the folder meanwhile
      throw error;
    });
    if (!bytes) continue;
    added += await db.$executeRaw`
      INSERT INTO "StoredFile" (key, size, bytes) VALUES (${key}, ${bytes.length}, ${new Uint8Array(bytes)}) ON CONFLICT (key) DO NOTHING`;
  }
  return added;
}

/**
 * Imports the former uploads folder, then renames it so that no start reads it again and the
 * operator sees it can go (null: renamed meanwhile by another instance). Null when there is no folder.
 */
export async function importLegacyUploads(
  db: Database,
  dir: string,
  now = new Date(),
): Promise<{ added: number; movedTo: string | null } | null> {
  if (!existsSync(dir)) return null;
  const added = await importStoredFiles(db, dir);
  const movedTo = `${dir}.importe-${now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}`;
  try {
    await rename(dir, movedTo);
    return { added, movedTo };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { added, movedTo: null };
    throw error;
  }
}
