import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { NEXT_BIN, withPeerAddress, withServerHeap } from "@/lib/config/next-server";
import { percentiles, type Percentiles } from "./measure";

const root = path.resolve(import.meta.dirname, "..");

export interface HttpFigures {
  latency: Percentiles;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** `next start` on the benchmark database (the build must exist). */
export async function startNextServer(options: {
  port: number;
  databaseUrl: string;
  heapMb: number;
  env?: Record<string, string>;
}): Promise<{ process: ChildProcess; baseUrl: string; stop(): Promise<void>; output(): string }> {
  const host = "127.0.0.1";
  const baseUrl = `http://${host}:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    PORT: String(options.port),
    HOSTNAME: host,
    ...options.env,
  };
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(options.port), "-H", host], {
    cwd: root,
    env: withPeerAddress(options.heapMb > 0 ? withServerHeap(env, options.heapMb) : env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start s'est arrêté :\n${output}`);
    const up = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { process: child, baseUrl, stop, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start ne répond pas sur ${baseUrl} :\n${output}`);
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process and all its descendants (`next start` serves from a child process). */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while listing
    }
  }
  const out = [rootPid];
  for (let index = 0; index < out.length; index++) out.push(...(children.get(out[index]!) ?? []));
  return out;
}

/** The RSS of the largest process of a tree in kB: the server, under `next start`. */
export function largestRssKb(pid: number): number {
  return Math.max(0, ...processTree(pid).map(rssKb));
}

/** Samples the RSS of a process tree: the largest process and the sum, maxima in MB at `stop()`. */
export function sampleRss(pid: number, everyMs = 200) {
  let largest = 0;
  let tree = 0;
  const sample = () => {
    const sizes = processTree(pid).map(rssKb);
    largest = Math.max(largest, ...sizes);
    tree = Math.max(
      tree,
      sizes.reduce((sum, size) => sum + size, 0),
    );
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { largestMb: Math.round(largest / 1024), treeMb: Math.round(tree / 1024) };
    },
  };
}

/** autocannon on a rotation of paths; latencies collected per response for exact p95. */
export async function loadTest(baseUrl: string, paths: string[], options: { connections: number; seconds: number }): Promise<HttpFigures> {
  let next = 0;
  const latencies: number[] = [];
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon(
    {
      url: baseUrl,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          setupRequest: (request) => {
            request.path = paths[next++ % paths.length]!;
            return request;
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await done;
  return {
    latency: percentiles(latencies),
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
