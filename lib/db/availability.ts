import pg from "pg";

// How long an answer is trusted: a failing database is probed again soon, so that the site comes
// back by itself within seconds of the database; a working one is not probed on every request.
const UP_TTL_MS = 2000;
const DOWN_TTL_MS = 1000;
const PROBE_TIMEOUT_MS = 2000;

interface State {
  up: boolean;
  at: number;
  probing: Promise<boolean> | null;
}
const holder = globalThis as { reperesDatabaseState?: State };

async function probe(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the database answers, probed with its own short-lived connection at most every couple
 * of seconds (concurrent requests share one probe). Without DATABASE_URL (a build) it is "up".
 */
export async function databaseAvailable(url = process.env.DATABASE_URL): Promise<boolean> {
  if (!url) return true;
  const state = (holder.reperesDatabaseState ??= { up: true, at: 0, probing: null });
  if (Date.now() - state.at < (state.up ? UP_TTL_MS : DOWN_TTL_MS)) return state.up;
  state.probing ??= probe(url).then((up) => {
    Object.assign(state, { up, at: Date.now(), probing: null });
    return up;
  });
  return state.probing;
}
