/**
 * The app as the browser tests see it: the production build, served by `next start`, on a
 * fresh database holding the reference data and the demo content. Stopped by Playwright.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { NEXT_BIN, withPeerAddress, withServerHeap } from "@/lib/config/next-server";
import { createPrismaClient } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/db/prepare";
import { createTestDatabase } from "./database";
import { loadE2eFixtures } from "./e2e-fixtures";
import { acquireTestServer } from "./test-server";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.E2E_PORT ?? "3100";

const server = await acquireTestServer();
const database = await createTestDatabase({ prefix: "reperes_e2e", serverUrl: server.url });
// The map's browser tests need contours: the reference files beside the repository.
await prepareDatabase(database.url, { demo: true, geometryDir: path.resolve(root, "../shared/data/geo") });
const fixtures = createPrismaClient(database.url);
await loadE2eFixtures(fixtures);
await fixtures.$disconnect();

const app = spawn(process.execPath, [NEXT_BIN, "start", "--port", port, "--hostname", "localhost"], {
  cwd: root,
  stdio: "inherit",
  env: withPeerAddress(withServerHeap({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production",
    REPERES_DEMO: "true",
    // One line per request would bury the test report; warnings and errors still show.
    REPERES_LOG_LEVEL: process.env.REPERES_LOG_LEVEL ?? "warn",
    // The demo accounts the browser tests sign in with have no second factor.
    REPERES_ADMIN_TOTP_REQUIRED: "false",
  })),
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
  await database.drop().catch(() => {});
  await server.release();
  process.exit(code);
}
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));
app.once("exit", (code) => void shutdown(code ?? 1));
