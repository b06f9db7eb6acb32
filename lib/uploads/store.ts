import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { recordAudit } from "@/lib/audit/log";
import { AccessDenied, FORBIDDEN_MESSAGE } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { recordMeta } from "@/lib/editorial/engine";
import { canEdit } from "@/lib/editorial/permissions";
import { sourceDefinition } from "@/lib/editorial/entities/source";
import type { EntityDefinition } from "@/lib/editorial/definition";
import { sniffFileType } from "./sniff";

export function uploadDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR || path.join(process.env.REPERES_DATA_DIR || ".data", "uploads"));
}

export function maxUploadBytes(): number {
  const mb = Number(process.env.UPLOAD_MAX_MB || 20);
  return (Number.isFinite(mb) && mb > 0 ? mb : 20) * 1024 * 1024;
}

export type UploadFailure = "too_large" | "empty" | "bad_type" | "gone";

/** A display name without path, control characters or markup-significant characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "document";
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "").trim().slice(0, 150);
  return cleaned || "document";
}

/** Attaches a document to a source, after checking the caller may edit it and what the file really is. */
export async function attachFile(sourceId: number, file: File, ip?: string): Promise<{ ok: true } | { ok: false; reason: UploadFailure }> {
  const user = await requireUser("CONTRIBUTOR");
  const def = sourceDefinition as unknown as EntityDefinition<unknown>;
  const meta = await recordMeta(prisma, def, sourceId);
  if (!meta || meta.deletedAt) return { ok: false, reason: "gone" };
  if (!canEdit(user, def, meta)) throw new AccessDenied(403, FORBIDDEN_MESSAGE);
  if (file.size === 0) return { ok: false, reason: "empty" };
  if (file.size > maxUploadBytes()) return { ok: false, reason: "too_large" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffFileType(bytes, file.name);
  if (!type) return { ok: false, reason: "bad_type" };
  // The stored name is random: the user's file name never reaches the file system.
  const key = `${randomBytes(16).toString("hex")}.${type.extension}`;
  await mkdir(uploadDir(), { recursive: true });
  await writeFile(path.join(/*turbopackIgnore: true*/ uploadDir(), key), bytes, { flag: "wx", mode: 0o640 });
  const fileName = cleanFileName(file.name);
  await prisma.source.update({ where: { id: sourceId }, data: { fileKey: key, fileName, fileType: type.mime, fileSize: bytes.length, updatedById: user.id } });
  await recordAudit(prisma, { userId: user.id, action: "file.uploaded", entityType: "SOURCE", entityId: sourceId, details: { fileName, type: type.mime, size: bytes.length }, ip });
  return { ok: true };
}

/** A stored document for download: public when its source is published, otherwise staff only. */
export async function readStoredFile(key: string) {
  if (!/^[0-9a-f]{32}\.[a-z]{3,4}$/.test(key)) return null;
  const source = await prisma.source.findFirst({ where: { fileKey: key }, select: { status: true, deletedAt: true, fileName: true, fileType: true } });
  if (!source?.fileType) return null;
  if (source.status !== "PUBLISHED" || source.deletedAt) await requireUser("CONTRIBUTOR");
  const bytes = await readFile(path.join(/*turbopackIgnore: true*/ uploadDir(), key)).catch(() => null);
  if (!bytes) return null;
  return { bytes, fileName: source.fileName ?? key, mime: source.fileType };
}
