/**
 * The browser tests' servers (tests/support/e2e-server.ts): two `next start` processes on one
 * database, the first on E2E_PORT (every spec's baseURL), the second on the next port, so that a
 * spec can check that they behave as one site (tests/e2e/multi-instance.spec.ts).
 */
import os from "node:os";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const firstBaseURL = `http://localhost:${E2E_PORT}`;
export const secondBaseURL = `http://localhost:${E2E_PORT + 1}`;
/** Where the test SMTP server of tests/support/e2e-server.ts writes each message it receives (.eml). */
export const e2eMailDir = path.join(os.tmpdir(), `reperes-e2e-mail-${E2E_PORT}`);
