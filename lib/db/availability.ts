import pg from "pg";
import { env } from "@/lib/config/env";

// How long an answer is trusted: a failing database is probed again soon, so that the site comes
// back by itself within seconds of the database; a working one is not probed on every request.
const UP_TTL_MS = 2000;
const DOWN_TTL_MS = 1000;
const PROBE_TIMEOUT_MS = 2000;
/**
 * A probe that gets no answer in time says little on its own: on a saturated server the event
 * loop may reach the timer before the reply waiting in the socket (the soak of `npm run bench`
 * saw 503 pages for a second at a time while every query worked). A refusal or an error marks the
 * database down at once; silence only after this many probes in a row (about ten seconds).
 */
const TIMEOUTS_BEFORE_DOWN = 3;

export type ProbeResult = "up" | "down" | "timeout";

interface State {
  up: boolean;
  at: number;
  timeouts: number;
  probing: Promise<boolean> | null;
}
const holder = globalThis as { reperesDatabaseState?: State };

/** One connection and a SELECT 1: "down" when refused or failed, "timeout" when silent too long. */
export async function probe(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const answer = client
    .connect()
    .then(() => client.query("SELECT 1"))
    .then(
      (): ProbeResult => "up",
      (): ProbeResult => "down",
    );
  const silence = new Promise<ProbeResult>((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  try {
    return await Promise.race([answer, silence]);
  } finally {
    clearTimeout(timer);
    // Not awaited: ending a connection that never opened must not hold the probe, shared by every request.
    void client.end().catch(() => undefined);
  }
}

/** The state after a probe: see TIMEOUTS_BEFORE_DOWN. */
export function afterProbe(state: Pick<State, "up" | "timeouts">, result: ProbeResult): Pick<State, "up" | "timeouts"> {
  if (result === "up") return { up: true, timeouts: 0 };
  if (result === "down") return { up: false, timeouts: 0 };
  const timeouts = state.timeouts + 1;
  return { up: state.up && timeouts < TIMEOUTS_BEFORE_DOWN, timeouts };
}

/**
 * Whether the database answers, probed with its own short-lived connection at most every couple
 * of seconds (concurrent requests share one probe). Without DATABASE_URL (a build) it is "up".
 */
export async function databaseAvailable(url = env().DATABASE_URL): Promise<boolean> {
  if (!url) return true;
  const state = (holder.reperesDatabaseState ??= { up: true, at: 0, timeouts: 0, probing: null });
  if (Date.now() - state.at < (state.up ? UP_TTL_MS : DOWN_TTL_MS)) return state.up;
  state.probing ??= probe(url).then((result) => {
    Object.assign(state, afterProbe(state, result), { at: Date.now(), probing: null });
    return state.up;
  });
  return state.probing;
}
