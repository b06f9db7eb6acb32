import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/log";
import { AccessDenied, FORBIDDEN_MESSAGE } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { recordMeta } from "@/lib/editorial/engine";
import { canEdit } from "@/lib/editorial/permissions";
import { sourceDefinition } from "@/lib/editorial/entities/source";
import type { EntityDefinition } from "@/lib/editorial/definition";
import type { Database } from "@/lib/db/connect";
import { env } from "@/lib/config/env";
import { servedFileName, STORED_KEY } from "./files";
import { sniffFileType } from "./sniff";

const MB = 1024 * 1024;

export function maxUploadBytes(): number {
  return env().UPLOAD_MAX_MB * MB;
}

/** What the files one person uploaded may weigh together, while their sources exist (trash included). */
export function uploadQuotaBytes(): number {
  return env().UPLOAD_QUOTA_MB * MB;
}

export type UploadFailure = "too_large" | "quota" | "empty" | "bad_type" | "gone";

/** A display name without path, control characters or markup-significant characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "document";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .trim()
    .slice(0, 150);
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
  // The stored name is random: the user's file name never reaches a path or a header as given.
  const key = `${randomBytes(16).toString("hex")}.${type.extension}`;
  const fileName = cleanFileName(file.name);
  // One transaction: the bytes and the source's pointer to them appear together, and the
  // replaced document goes (trigger on "Source"): no revision refers to files.
  await prisma.$transaction([
    prisma.storedFile.create({ data: { key, size: bytes.length, bytes } }),
    prisma.source.update({
      where: { id: sourceId },
      data: { fileKey: key, fileName, fileType: type.mime, fileSize: bytes.length, fileUploadedById: user.id, updatedById: user.id },
    }),
  ]);
  await recordAudit(prisma, {
    userId: user.id,
    action: "file.uploaded",
    entityType: "SOURCE",
    entityId: sourceId,
    details: { fileName, type: type.mime, size: bytes.length },
    ip,
  });
  return { ok: true };
}

/** Bytes read from the database per query while a document is served: the most a download holds in memory. */
export const FILE_CHUNK_BYTES = 1 << 20;

/** A stored document for download: public when its source is published, otherwise staff only. */
export async function readStoredFile(key: string) {
  if (!STORED_KEY.test(key)) return null;
  const source = await prisma.source.findFirst({
    where: { fileKey: key },
    select: { status: true, deletedAt: true, fileName: true, fileType: true },
  });
  if (!source?.fileType) return null;
  if (source.status !== "PUBLISHED" || source.deletedAt) await requireUser("CONTRIBUTOR");
  const stored = await prisma.storedFile.findUnique({ where: { key }, select: { size: true } });
  if (!stored) return null;
  return {
    size: stored.size,
    body: storedFileStream(prisma, key, stored.size),
    fileName: servedFileName(source.fileName ?? "document", key),
    mime: source.fileType,
  };
}

/**
 * The bytes of a stored file, read a slice at a time as the client takes them ("bytes" is stored
 * uncompressed out of line, so substring() fetches only the slice's chunks). A key's bytes never
 * change; a file deleted meanwhile ends the stream with an error.
 */
export function storedFileStream(db: Database, key: string, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const [row] = await db.$queryRaw<{ slice: Uint8Array }[]>`
        SELECT substring(bytes FROM ${offset + 1}::int FOR ${FILE_CHUNK_BYTES}::int) AS slice FROM "StoredFile" WHERE key = ${key}`;
      if (!row || row.slice.length === 0) {
        controller.error(new Error(`Fichier ${key} disparu pendant sa lecture.`));
        return;
      }
      controller.enqueue(row.slice);
      offset += row.slice.length;
      if (offset >= size) controller.close();
    },
  });
}
