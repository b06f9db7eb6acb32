import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/connect";
import { makeUser } from "../support/accounts";

const caller: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => caller.user }));

process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "reperes-uploads-"));
process.env.NEXTAUTH_URL = "http://localhost:3000";
const db = createPrismaClient();
let editor: SessionUser;

function upload(sourceId: number, file: File) {
  const body = new FormData();
  body.set("file", file);
  return import("@/app/api/admin/sources/[id]/fichier/route").then(({ POST }) =>
    POST(new Request(`http://localhost:3000/api/admin/sources/${sourceId}/fichier`, { method: "POST", body, headers: { origin: "http://localhost:3000" } }), {
      params: Promise.resolve({ id: String(sourceId) }),
    }),
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
    expect(served.headers.get("content-disposition")).toMatch(/^inline; filename="img src=x onerror=alert\(1\)rapport.pdf"; filename\*=UTF-8''/);
  });

  it("refuses a file whose content is not an accepted type, whatever its name", async () => {
    const source = await db.source.create({ data: { slug: "doc-test-2", kind: "DOCUMENT", title: "Autre document" } });
    caller.user = editor;
    const response = await upload(source.id, new File(["<html><script>alert(1)</script></html>"], "rapport.pdf", { type: "application/pdf" }));
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
});
