import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm start refuses bad configuration plainly", () => {
  it("rejects a DATABASE_URL that is not PostgreSQL", () => {
    const { code, output } = start({ DATABASE_URL: "mysql://localhost/reperes" });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL doit être une URL PostgreSQL");
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("says when the configured server cannot be reached", () => {
    const { code, output } = start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/reperes", PORT: "3197" });
    expect(code).toBe(1);
    expect(output).toContain("Impossible de joindre la base PostgreSQL 127.0.0.1:1/reperes");
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("says when the app port is taken", async () => {
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "localhost", () => resolve((server.address() as { port: number }).port)),
    );
    try {
      const { code, output } = start({ PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`Le port ${port} est déjà utilisé`);
    } finally {
      server.close();
    }
  });
});
