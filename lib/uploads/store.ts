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
import { removeStoredFile, servedFileName, STORED_KEY, uploadDir } from "./files";
import { sniffFileType } from "./sniff";

const megabytes = (value: string | undefined, fallback: number) => {
  const mb = Number(value || fallback);
  return (Number.isFinite(mb) && mb > 0 ? mb : fallback) * 1024 * 1024;
};

export function maxUploadBytes(): number {
  return megabytes(process.env.UPLOAD_MAX_MB, 20);
}

/** What the files one person uploaded may weigh together, while their sources exist (trash included). */
export function uploadQuotaBytes(): number {
  return megabytes(process.env.UPLOAD_QUOTA_MB, 500);
}

export type UploadFailure = "too_large" | "quota" | "empty" | "bad_type" | "gone";

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
  const used = await prisma.source.aggregate({ where: { fileUploadedById: user.id, id: { not: sourceId } }, _sum: { fileSize: true } });
  if ((used._sum.fileSize ?? 0) + file.size > uploadQuotaBytes()) return { ok: false, reason: "quota" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffFileType(bytes, file.name);
  if (!type) return { ok: false, reason: "bad_type" };
  // The stored name is random: the user's file name never reaches the file system.
  const key = `${randomBytes(16).toString("hex")}.${type.extension}`;
  await mkdir(uploadDir(), { recursive: true });
  await writeFile(path.join(/*turbopackIgnore: true*/ uploadDir(), key), bytes, { flag: "wx", mode: 0o640 });
  const fileName = cleanFileName(file.name);
  const previous = await prisma.source.findUniqueOrThrow({ where: { id: sourceId }, select: { fileKey: true } });
  await prisma.source.update({ where: { id: sourceId }, data: { fileKey: key, fileName, fileType: type.mime, fileSize: bytes.length, fileUploadedById: user.id, updatedById: user.id } });
  // The replaced document goes: no revision refers to files, and it would only fill the disk.
  if (previous.fileKey && previous.fileKey !== key) await removeStoredFile(previous.fileKey);
  await recordAudit(prisma, { userId: user.id, action: "file.uploaded", entityType: "SOURCE", entityId: sourceId, details: { fileName, type: type.mime, size: bytes.length }, ip });
  return { ok: true };
}

/** A stored document for download: public when its source is published, otherwise staff only. */
export async function readStoredFile(key: string) {
  if (!STORED_KEY.test(key)) return null;
  const source = await prisma.source.findFirst({ where: { fileKey: key }, select: { status: true, deletedAt: true, fileName: true, fileType: true } });
  if (!source?.fileType) return null;
  if (source.status !== "PUBLISHED" || source.deletedAt) await requireUser("CONTRIBUTOR");
  const bytes = await readFile(path.join(/*turbopackIgnore: true*/ uploadDir(), key)).catch(() => null);
  if (!bytes) return null;
  return { bytes, fileName: servedFileName(source.fileName ?? "document", key), mime: source.fileType };
}
