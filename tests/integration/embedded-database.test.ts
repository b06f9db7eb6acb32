import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseError, startEmbeddedDatabase } from "@/lib/db/embedded";

const workDir = mkdtempSync(path.join(os.tmpdir(), "reperes-embedded-"));
chmodSync(workDir, 0o755); // PostgreSQL runs as its own user when the tests run as root
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe("embedded PostgreSQL", () => {
  it("starts, keeps its data across a restart, and stops", async () => {
    const { server, port } = await listen();
    server.close();
    const dataDir = path.join(workDir, "data");
    const exitHandlers = [process.listeners("beforeExit").length, process.listeners("exit").length];
    const first = await startEmbeddedDatabase({ dataDir, port, database: "reperes" });
    // The package's exit hooks would turn a failed run into exit code 0, or throw at exit.
    expect([process.listeners("beforeExit").length, process.listeners("exit").length]).toEqual(exitHandlers);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('toujours là')");
    await client.end();
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir, port, database: "reperes" });
    const again = new pg.Client({ connectionString: second.url });
    await again.connect();
    const { rows } = await again.query("SELECT value, current_setting('server_version_num')::int / 10000 AS major FROM kept");
    await again.end();
    await second.stop();
    expect(rows).toEqual([{ value: "toujours là", major: 18 }]);
  });

  it("refuses a data folder made by another PostgreSQL version and deletes nothing", async () => {
    const dataDir = path.join(workDir, "old");
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, "PG_VERSION"), "15\n");
    writeFileSync(path.join(dataDir, "precious"), "data");
    const attempt = startEmbeddedDatabase({ dataDir, port: 1, database: "reperes" });
    await expect(attempt).rejects.toThrow(EmbeddedDatabaseError);
    await expect(attempt).rejects.toThrow(/PostgreSQL 15.*PostgreSQL 18/s);
    expect(readdirSync(dataDir).sort()).toEqual(["PG_VERSION", "precious"]);
  });

  it("says which port is taken and how to choose another", async () => {
    const { server, port } = await listen();
    try {
      await expect(startEmbeddedDatabase({ dataDir: path.join(workDir, "busy"), port, database: "reperes" })).rejects.toThrow(
        new RegExp(`port ${port} est déjà utilisé.*EMBEDDED_POSTGRES_PORT`, "s"),
      );
    } finally {
      server.close();
    }
  });
});
