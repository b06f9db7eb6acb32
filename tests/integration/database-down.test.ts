import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { NextRequest, type NextFetchEvent } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { createLogger } from "@/lib/log/logger";

// A throwaway PostgreSQL of our own, stopped and started again under the app's feet.
const dataRoot = mkdtempSync(path.join(os.tmpdir(), "reperes-down-"));
chmodSync(dataRoot, 0o755);
const dataDir = path.join(dataRoot, "data");
let port = 0;
let server: EmbeddedDatabase | null = null;

const lines: Record<string, unknown>[] = [];
(globalThis as { reperesLogger?: unknown }).reperesLogger = createLogger(
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  }),
);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
}

const start = async () => {
  server = await startEmbeddedDatabase({ dataDir, port, database: "reperes" });
  process.env.DATABASE_URL = server.url;
};

async function page(pathname: string): Promise<Response> {
  const { proxy } = await import("@/proxy");
  const response = await proxy(new NextRequest(`http://localhost:3000${pathname}`), {} as NextFetchEvent);
  if (!(response instanceof Response)) throw new Error(`no response for ${pathname}`);
  return response;
}

async function health() {
  const { GET } = await import("@/app/api/health/route");
  return GET();
}

beforeAll(async () => {
  port = await freePort();
  await start();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataRoot, { recursive: true, force: true });
});

describe("when the database goes away", () => {
  it("answers 503 with a French page and the request id, then recovers by itself", async () => {
    const { prisma } = await import("@/lib/db/client");
    expect((await page("/initiatives")).status).toBe(200);
    expect((await health()).status).toBe(200);
    expect(await prisma.$queryRawUnsafe("SELECT 1 AS one")).toEqual([{ one: 1 }]);

    await server!.stop();
    server = null;
    await expect.poll(async () => (await page("/initiatives?q=x")).status, { timeout: 15_000, interval: 200 }).toBe(503);
    const down = await page("/enseignements");
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("30");
    expect(down.headers.get("content-security-policy")).toContain("default-src 'self'");
    const requestId = down.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f]{16}$/);
    const html = await down.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Service momentanément indisponible");
    expect(html).toContain(requestId);
    const api = await page("/api/v1/initiatives");
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ reference: api.headers.get("x-request-id") });
    expect((await health()).status).toBe(503);
    // The access log names the request by the same id (and not its query string).
    expect(lines).toContainEqual(expect.objectContaining({ requestId, path: "/enseignements", status: 503, level: "info" }));
    expect(JSON.stringify(lines)).not.toContain("q=x");

    await start();
    await expect.poll(async () => (await page("/initiatives")).status, { timeout: 15_000, interval: 200 }).toBe(200);
    await expect.poll(async () => (await health()).status, { timeout: 15_000, interval: 200 }).toBe(200);
    expect(await prisma.$queryRawUnsafe("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  }, 120_000);

  it("gives every request its own id", async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 5; i += 1) ids.add((await page("/")).headers.get("x-request-id"));
    expect(ids.size).toBe(5);
    expect([...ids].every((id) => /^[0-9a-f]{16}$/.test(id ?? ""))).toBe(true);
  });
});
