import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/connect";
import type { EntityDefinition } from "@/lib/editorial/definition";
import { purgeRecord } from "@/lib/editorial/engine";
import { sourceDefinition } from "@/lib/editorial/entities/source";
import { importLegacyUploads, importStoredFiles } from "@/lib/uploads/legacy";
import { FILE_CHUNK_BYTES } from "@/lib/uploads/store";
import { makeUser } from "../support/accounts";

const caller: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => caller.user }));

process.env.NEXTAUTH_URL = "http://localhost:3000";
const db = createPrismaClient();
let editor: SessionUser;

function upload(sourceId: number, file: File) {
  const body = new FormData();
  body.set("file", file);
  return import("@/app/api/admin/sources/[id]/fichier/route").then(({ POST }) =>
    POST(
      new Request(`http://localhost:3000/api/admin/sources/${sourceId}/fichier`, {
        method: "POST",
        body,
        headers: { origin: "http://localhost:3000" },
      }),
      {
        params: Promise.resolve({ id: String(sourceId) }),
      },
    ),
  );
}

async function download(key: string) {
  const { GET } = await import("@/app/fichiers/[key]/route");
  return GET(new Request(`http://localhost:3000/fichiers/${key}`), { params: Promise.resolve({ key }) });
}

beforeAll(async () => {
  const made = await makeUser(db, "EDITOR");
  editor = { id: made.id, email: made.email, name: "Éditeur", role: "EDITOR", totpEnabled: false, sessionId: "test" };
});

describe("document upload", () => {
  it("stores a real PDF under a random name and serves it with a safe type and disposition", async () => {
    const source = await db.source.create({ data: { slug: "doc-test", kind: "DOCUMENT", title: "Document de test", status: "PUBLISHED" } });
    caller.user = editor;
    const response = await upload(source.id, new File([Buffer.from("%PDF-1.7\n% test\n")], '<img src=x onerror=alert(1)>"rapport".pdf'));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/admin/sources/${source.id}?fichier=ok`);
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.fileKey).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(stored.fileName).toBe("img src=x onerror=alert(1)rapport.pdf");

    caller.user = null;
    const served = await download(stored.fileKey!);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toContain("sandbox");
    expect(served.headers.get("content-disposition")).toMatch(
      /^inline; filename="img src=x onerror=alert\(1\)rapport.pdf"; filename\*=UTF-8''/,
    );
    expect(Buffer.from(await served.arrayBuffer()).toString()).toBe("%PDF-1.7\n% test\n");
  });

  it("keeps the bytes in the database and serves a large document a slice at a time", async () => {
    const source = await db.source.create({ data: { slug: "doc-gros", kind: "DOCUMENT", title: "Gros document", status: "PUBLISHED" } });
    caller.user = editor;
    const content = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(2 * FILE_CHUNK_BYTES + 12_345)]);
    await upload(source.id, new File([content], "gros.pdf"));
    const { fileKey } = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    const [stored] = await db.$queryRaw<
      { size: number; sha: string }[]
    >`SELECT size, encode(sha256(bytes), 'hex') AS sha FROM "StoredFile" WHERE key = ${fileKey}`;
    expect(stored).toEqual({ size: content.length, sha: createHash("sha256").update(content).digest("hex") });

    caller.user = null;
    const served = await download(fileKey!);
    expect(served.headers.get("content-length")).toBe(String(content.length));
    const chunks: Uint8Array[] = [];
    const reader = served.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(chunks.length).toBe(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBe(FILE_CHUNK_BYTES);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
  });

  it("refuses a file whose content is not an accepted type, whatever its name", async () => {
    const source = await db.source.create({ data: { slug: "doc-test-2", kind: "DOCUMENT", title: "Autre document" } });
    caller.user = editor;
    const response = await upload(
      source.id,
      new File(["<html><script>alert(1)</script></html>"], "rapport.pdf", { type: "application/pdf" }),
    );
    expect(response.headers.get("location")).toContain("fichier=bad_type");
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).fileKey).toBeNull();
  });

  it("keeps the file of an unpublished source for staff only", async () => {
    const source = await db.source.create({ data: { slug: "doc-test-3", kind: "DOCUMENT", title: "Brouillon de document" } });
    caller.user = editor;
    await upload(source.id, new File([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])], "schema.png"));
    const { fileKey } = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    caller.user = null;
    expect((await download(fileKey!)).status).toBe(401);
    caller.user = editor;
    expect((await download(fileKey!)).status).toBe(200);
    expect((await download("../../etc/passwd")).status).toBe(404);
  });

  it("serves a document under the extension of the type found in it, not the one the user gave", async () => {
    const source = await db.source.create({
      data: { slug: "doc-test-4", kind: "DOCUMENT", title: "Document mal nommé", status: "PUBLISHED" },
    });
    caller.user = editor;
    await upload(source.id, new File([Buffer.from("%PDF-1.7\n% test\n")], "evil.html"));
    const { fileKey } = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    const served = await download(fileKey!);
    expect(served.headers.get("content-disposition")).toMatch(/^inline; filename="evil\.pdf"; filename\*=UTF-8''evil\.pdf$/);
  });

  it("deletes a replaced document, and a purged source's document, with the change that drops it", async () => {
    const stored = async (key: string) => (await db.storedFile.count({ where: { key } })) === 1;
    const source = await db.source.create({ data: { slug: "doc-test-5", kind: "DOCUMENT", title: "Document remplacé" } });
    caller.user = editor;
    await upload(source.id, new File([Buffer.from("%PDF-1.7\n% un\n")], "un.pdf"));
    const first = (await db.source.findUniqueOrThrow({ where: { id: source.id } })).fileKey!;
    expect(await stored(first)).toBe(true);
    await upload(source.id, new File([Buffer.from("%PDF-1.7\n% deux\n")], "deux.pdf"));
    const second = (await db.source.findUniqueOrThrow({ where: { id: source.id } })).fileKey!;
    expect(second).not.toBe(first);
    expect(await stored(first)).toBe(false);
    expect(await stored(second)).toBe(true);

    const admin = await makeUser(db, "ADMIN");
    await db.source.update({ where: { id: source.id }, data: { deletedAt: new Date() } });
    // A purge refused (a lesson still cites the source) keeps the document.
    const lesson = await db.lesson.create({
      data: { slug: "lecon-du-document", title: "Leçon", body: "…", evidenceLevel: "TESTIMONY", sourceId: source.id },
    });
    const purge = () =>
      purgeRecord(db, sourceDefinition as unknown as EntityDefinition<unknown>, { id: admin.id, role: "ADMIN" }, source.id);
    expect((await purge()).ok).toBe(false);
    expect(await stored(second)).toBe(true);
    await db.lesson.delete({ where: { id: lesson.id } });
    expect((await purge()).ok).toBe(true);
    expect(await stored(second)).toBe(false);
  });

  it("holds each person's uploads to UPLOAD_QUOTA_MB together", async () => {
    const uploader = await makeUser(db, "EDITOR");
    caller.user = { ...editor, id: uploader.id, email: uploader.email };
    const pdf = (name: string) => new File([Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(600 * 1024, 0x20)])], name);
    process.env.UPLOAD_QUOTA_MB = "1";
    try {
      const sources = await Promise.all(
        [6, 7].map((n) => db.source.create({ data: { slug: `doc-test-${n}`, kind: "DOCUMENT", title: `Document ${n}` } })),
      );
      expect((await upload(sources[0]!.id, pdf("a.pdf"))).headers.get("location")).toContain("fichier=ok");
      // Replacing one's own document counts only the new one.
      expect((await upload(sources[0]!.id, pdf("b.pdf"))).headers.get("location")).toContain("fichier=ok");
      expect((await upload(sources[1]!.id, pdf("c.pdf"))).headers.get("location")).toContain("fichier=quota");
      expect((await db.source.findUniqueOrThrow({ where: { id: sources[1]!.id } })).fileKey).toBeNull();
    } finally {
      delete process.env.UPLOAD_QUOTA_MB;
    }
  });

  it("refuses a body announced larger than UPLOAD_MAX_MB before reading it", async () => {
    const source = await db.source.create({ data: { slug: "doc-test-8", kind: "DOCUMENT", title: "Trop gros" } });
    caller.user = editor;
    const { POST } = await import("@/app/api/admin/sources/[id]/fichier/route");
    const request = new Request(`http://localhost:3000/api/admin/sources/${source.id}/fichier`, {
      method: "POST",
      body: "x",
      headers: { origin: "http://localhost:3000", "content-length": String(25 * 1024 * 1024) },
    });
    const response = await POST(request, { params: Promise.resolve({ id: String(source.id) }) });
    expect(response.headers.get("location")).toContain("fichier=too_large");
  });

  it("lets the proxy buffer a whole upload of UPLOAD_MAX_MB (Next.js cuts bodies at 10 MB by default)", () => {
    const limitFor = (mb: string) =>
      Number(
        execFileSync(
          process.execPath,
          [
            "--input-type=module",
            "-e",
            'const { default: c } = await import("./next.config.js"); console.log(c.experimental.proxyClientMaxBodySize)',
          ],
          {
            cwd: path.resolve(import.meta.dirname, "../.."),
            env: { ...process.env, UPLOAD_MAX_MB: mb },
            encoding: "utf8",
          },
        ),
      );
    expect(limitFor("50")).toBeGreaterThan(50 * 1024 * 1024);
    expect(limitFor("")).toBeGreaterThan(20 * 1024 * 1024);
  });
});

describe("documents kept on disk before they moved into the database", () => {
  it("are imported once, those a source names, and the folder is set aside", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "reperes-uploads-")), "uploads");
    mkdirSync(dir);
    const named = `${randomBytes(16).toString("hex")}.pdf`;
    const orphan = `${randomBytes(16).toString("hex")}.pdf`;
    writeFileSync(path.join(dir, named), "%PDF-1.7\n% ancien\n");
    writeFileSync(path.join(dir, orphan), "%PDF-1.7\n% orphelin\n");
    await db.source.create({
      data: {
        slug: "doc-ancien",
        kind: "DOCUMENT",
        title: "Ancien",
        fileKey: named,
        fileName: "a.pdf",
        fileType: "application/pdf",
        fileSize: 18,
      },
    });

    const moved = await importLegacyUploads(db, dir, new Date("2026-12-01T10:00:00Z"));
    expect(moved).toEqual({ added: 1, movedTo: `${dir}.importe-20261201-100000` });
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(moved!.movedTo!).sort()).toEqual([named, orphan].sort());
    const row = await db.storedFile.findUniqueOrThrow({ where: { key: named } });
    expect(Buffer.from(row.bytes).toString()).toBe("%PDF-1.7\n% ancien\n");
    expect(await db.storedFile.count({ where: { key: orphan } })).toBe(0);
    // Again (another instance starting, an interrupted start): nothing more.
    expect(await importLegacyUploads(db, dir)).toBeNull();
    expect(await importStoredFiles(db, moved!.movedTo!)).toBe(0);
  });
});
