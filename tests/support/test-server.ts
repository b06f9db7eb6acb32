import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

export interface TestServer {
  /** URL of the server's maintenance database, on which test databases are created. */
  url: string;
  release(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The PostgreSQL server the tests run against: TEST_DATABASE_SERVER_URL when set (CI sets it to
 * the machine's PostgreSQL 15), otherwise a throwaway embedded server in a temporary folder.
 */
export async function acquireTestServer(): Promise<TestServer> {
  const configured = process.env.TEST_DATABASE_SERVER_URL;
  if (configured) return { url: configured, release: async () => {} };

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "reperes-test-pg-"));
  // As root, PostgreSQL runs as a dedicated user, who must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "data"), port, database: "postgres" });
  return {
    url: embedded.url,
    release: async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
