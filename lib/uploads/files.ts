import path from "node:path";
import { env, type Env } from "@/lib/config/env";

/**
 * Where uploaded documents were kept before they moved into PostgreSQL (StoredFile, ADR 010): read
 * once by lib/uploads/legacy.ts, then renamed.
 */
export function legacyUploadDir(config: Pick<Env, "UPLOAD_DIR" | "REPERES_DATA_DIR"> = env()): string {
  return path.resolve(/*turbopackIgnore: true*/ config.UPLOAD_DIR || path.join(config.REPERES_DATA_DIR, "uploads"));
}

/** The stored (random) name of an uploaded file: 32 hex digits and the sniffed type's extension. */
export const STORED_KEY = /^[0-9a-f]{32}\.[a-z]{3,4}$/;

/**
 * The name a document is served under: the user's name with the extension of the type found in
 * its content (the stored key's), so that "evil.html" holding a PDF downloads as "evil.pdf".
 */
export function servedFileName(fileName: string, key: string): string {
  const extension = key.slice(key.lastIndexOf(".") + 1);
  const base = fileName.replace(/\.[^.\s]{1,10}$/, "") || "document";
  return `${base}.${extension}`;
}
