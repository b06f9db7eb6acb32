/**
 * The browser tests' servers (tests/support/e2e-server.ts): two `next start` processes on one
 * database, the first on E2E_PORT (every spec's baseURL), the second on the next port, so that a
 * spec can check that they behave as one site (tests/e2e/multi-instance.spec.ts).
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const firstBaseURL = `http://localhost:${E2E_PORT}`;
export const secondBaseURL = `http://localhost:${E2E_PORT + 1}`;
