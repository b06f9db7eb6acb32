import { unlink } from "node:fs/promises";
import path from "node:path";

/** Uploaded documents' folder. Kept apart from store.ts so that the editorial engine can delete files. */
export function uploadDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR || path.join(process.env.REPERES_DATA_DIR || ".data", "uploads"));
}

/** The stored (random) name of an uploaded file: 32 hex digits and the sniffed type's extension. */
export const STORED_KEY = /^[0-9a-f]{32}\.[a-z]{3,4}$/;

/** Removes a stored file; one already gone is not an error (a purge may be retried). */
export async function removeStoredFile(key: string): Promise<void> {
  if (!STORED_KEY.test(key)) return;
  await unlink(path.join(/*turbopackIgnore: true*/ uploadDir(), key)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}

/**
 * The name a document is served under: the user's name with the extension of the type found in
 * its content (the stored key's), so that "evil.html" holding a PDF downloads as "evil.pdf".
 */
export function servedFileName(fileName: string, key: string): string {
  const extension = key.slice(key.lastIndexOf(".") + 1);
  const base = fileName.replace(/\.[^.\s]{1,10}$/, "") || "document";
  return `${base}.${extension}`;
}
