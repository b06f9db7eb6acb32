/**
 * The app as the browser tests see it: the production build, served by two `next start`
 * processes (E2E_PORT and the next port, tests/support/e2e-instances.ts) on one fresh database
 * holding the reference data and the demo content. Stopped by Playwright.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { NEXT_BIN, withPeerAddress, withServerHeap } from "@/lib/config/next-server";
import { createPrismaClient } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/startup/prepare";
import { createTestDatabase } from "./database";
import { loadE2eFixtures } from "./e2e-fixtures";
import { E2E_PORT, e2eMailDir } from "./e2e-instances";
import { startSmtpSink } from "./smtp-sink";
import { acquireTestServer } from "./test-server";

const root = path.resolve(import.meta.dirname, "../..");

const server = await acquireTestServer();
const database = await createTestDatabase({ prefix: "reperes_e2e", serverUrl: server.url });
// The map's browser tests need contours: the reference files beside the repository.
await prepareDatabase(database.url, { demo: true, geometryDir: path.resolve(root, "../shared/data/geo") });
// Both instances send through a real SMTP server; the specs read what it received.
rmSync(e2eMailDir, { recursive: true, force: true });
mkdirSync(e2eMailDir, { recursive: true });
const smtp = await startSmtpSink(e2eMailDir);
const fixtures = createPrismaClient(database.url);
await loadE2eFixtures(fixtures);
await fixtures.$disconnect();

function startApp(port: number) {
  return spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port), "--hostname", "localhost"], {
    cwd: root,
    stdio: "inherit",
    env: withPeerAddress(
      withServerHeap({
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        NEXTAUTH_URL: `http://localhost:${port}`,
        // The same on both, as every instance of one site must have.
        // At least 32 bytes: env() refuses a shorter secret in production.
        NEXTAUTH_SECRET: "e2e-secret-not-for-production-at-least-32-bytes",
        REPERES_DEMO: "true",
        SMTP_URL: smtp.url,
        MAIL_FROM: "Repères <ne-pas-repondre@reperes.test>",
        // One line per request would bury the test report; warnings and errors still show.
        REPERES_LOG_LEVEL: process.env.REPERES_LOG_LEVEL ?? "warn",
        // The digest of followed selections every minute, so that its browser test sees one sent.
        REPERES_DIGEST_CRON: "* * * * *",
        // The demo accounts the browser tests sign in with have no second factor.
        REPERES_ADMIN_TOTP_REQUIRED: "false",
      }),
    ),
  });
}

/** Playwright waits for the first server only: it is started once the second answers. */

async function answers(port: number, app: ReturnType<typeof startApp>): Promise<void> {
  while (app.exitCode === null) {
    const up = await fetch(`http://localhost:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const apps: ReturnType<typeof startApp>[] = [];
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    apps
      .filter((app) => app.exitCode === null)
      .map((app) => {
        const exited = new Promise((resolve) => app.once("exit", resolve));
        app.kill("SIGTERM");
        return exited;
      }),
  );
  await smtp.close();
  await database.drop().catch(() => {});
  await server.release();
  process.exit(code);
}
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));

const second = startApp(E2E_PORT + 1);
apps.push(second);
second.once("exit", (code) => void shutdown(code ?? 1));
await answers(E2E_PORT + 1, second);
const first = startApp(E2E_PORT);
apps.push(first);
first.once("exit", (code) => void shutdown(code ?? 1));
