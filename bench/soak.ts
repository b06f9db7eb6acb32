import http from "node:http";
import type { Database } from "@/lib/db/connect";
import type { Actor } from "@/lib/editorial/permissions";
import { largestRssKb } from "./http";
import { percentiles, table, type Percentiles } from "./measure";
import { Random } from "./random";
import { checkEdits, editOnce, latestMarkedVersion, type EditAttempt, type HotEntry } from "./soak-edits";
import { SOAK_CLASSES, SoakMix, type SoakCatalog, type SoakClass } from "./soak-mix";

/** Why a request counts as an error: anything but a 2xx or a 304 answered in time. */
export const ERROR_KINDS = ["5xx", "4xx", "3xx", "network", "timeout", "edit"] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface HttpResult {
  ms: number;
  status?: number;
  failure?: "network" | "timeout";
  body?: string;
}

/**
 * One GET, the body read to its end (a stream that breaks half way is a network error, not a
 * success with a short file). `keepBody` keeps the text, for the pages the editors check. A
 * reset on a kept-alive socket before any answer is retried once, as browsers do: the server
 * closes idle sockets after 5 s, and a worker busy editing leaves its socket idle that long.
 */
export function get(
  agent: http.Agent,
  url: string,
  options: { timeoutMs: number; headers?: Record<string, string>; keepBody?: boolean },
  retried = false,
): Promise<HttpResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<HttpResult, "ms">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, ms: performance.now() - started });
    };
    let answered = false;
    const request = http.get(url, { agent, headers: options.headers }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => options.keepBody && chunks.push(chunk));
      response.on("end", () =>
        finish({ status: response.statusCode, body: options.keepBody ? Buffer.concat(chunks).toString("utf8") : undefined }),
      );
      response.on("error", () => finish({ failure: "network" }));
      response.on("close", () => response.complete || finish({ failure: "network" }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (!retried && !answered && request.reusedSocket && error.code === "ECONNRESET" && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve(get(agent, url, options, true).then((result) => ({ ...result, ms: performance.now() - started })));
        return;
      }
      finish({ failure: "network" });
    });
    const timer = setTimeout(() => {
      finish({ failure: "timeout" });
      request.destroy();
    }, options.timeoutMs);
  });
}

export function errorKind(result: HttpResult): ErrorKind | null {
  if (result.failure) return result.failure;
  const status = result.status!;
  if ((status >= 200 && status < 300) || status === 304) return null;
  if (status >= 500) return "5xx";
  if (status >= 400) return "4xx";
  return "3xx";
}

export interface RssSample {
  /** Milliseconds since the timed run started. */
  atMs: number;
  mb: number;
}

export interface RssVerdict {
  windowS: number;
  firstMb: number;
  lastMb: number;
  maxMb: number;
  samples: number;
  stable: boolean;
}

/** Last window's median at most 15 % above the first's: a bounded cache settling, not a leak. */
export const RSS_TOLERANCE = 1.15;
/** The ceiling the README promises for the server. */
export const RSS_CEILING_MB = 400;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Stable: the median RSS of the last minute at most RSS_TOLERANCE times that of the first, and
 * no sample at or over the ceiling. Runs shorter than 3 minutes compare their first and last
 * thirds, so that the two windows never overlap.
 */
export function rssVerdict(samples: RssSample[], durationMs: number, windowMs = 60_000): RssVerdict {
  const window = Math.min(windowMs, durationMs / 3);
  const first = median(samples.filter((s) => s.atMs <= window).map((s) => s.mb));
  const last = median(samples.filter((s) => s.atMs >= durationMs - window).map((s) => s.mb));
  const maxMb = Math.max(...samples.map((s) => s.mb));
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    windowS: Math.round(window / 1000),
    firstMb: round(first),
    lastMb: round(last),
    maxMb: round(maxMb),
    samples: samples.length,
    // NaN (an empty window) compares false: no verdict without samples at both ends.
    stable: last <= first * RSS_TOLERANCE && maxMb < RSS_CEILING_MB,
  };
}

export interface SoakOptions {
  baseUrl: string;
  /** The server process (or `next start` above it), for its RSS; none: RSS not sampled. */
  serverPid?: number;
  db: Database;
  catalog: SoakCatalog;
  editors: Actor[];
  entries: HotEntry[];
  seed: number;
  durationMs: number;
  /** The same mix before the timed run (without edits), unsampled, so that RSS starts warm. */
  warmupMs: number;
  connections: number;
  timeoutMs?: number;
  rssEveryMs?: number;
  log?: (line: string) => void;
}

export interface SoakFigures {
  durationS: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  classes: Record<SoakClass, Percentiles & { errors: number }>;
  errors: Record<ErrorKind, number>;
  /** The first errors, to find them again. */
  examples: string[];
  warmup: { requests: number; errors: number };
  edits: { attempts: number; saved: number; conflicts: number; lost: string[]; stale: string[] };
  rss?: RssVerdict;
  /** Every RSS sample, [seconds into the run, MB]: the JSON report's, to see a climb or a plateau. */
  rssSamples?: [number, number][];
}

/** Addresses of the simulated visitors: the API limits each address (lib/api/rate-limit.ts). */
const VISITORS = 1000;

/**
 * The soak: `connections` workers, each sending one request at a time, draw their steps from
 * one seeded mix until the deadline; edits go through the engine (bench/soak-edits.ts). The
 * server must trust one proxy hop (REPERES_TRUSTED_PROXY_HOPS=1): each request comes from one
 * of VISITORS addresses, as a site's visitors do, not all from one client that the API would
 * rightly throttle.
 */
export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const mix = new SoakMix(options.catalog, options.seed);
  const visitors = new Random(options.seed + 1);
  const latencies = Object.fromEntries(SOAK_CLASSES.map((key) => [key, [] as number[]])) as Record<SoakClass, number[]>;
  const classErrors = Object.fromEntries(SOAK_CLASSES.map((key) => [key, 0])) as Record<SoakClass, number>;
  const errors = Object.fromEntries(ERROR_KINDS.map((key) => [key, 0])) as Record<ErrorKind, number>;
  const examples: string[] = [];
  const attempts: EditAttempt[] = [];
  const stale: string[] = [];
  let counting = false;
  const warmup = { requests: 0, errors: 0 };

  const fail = (kind: ErrorKind, what: string) => {
    errors[kind]++;
    if (examples.length < 20) examples.push(`${kind} ${what}`);
  };
  /** A GET measured under `key`; the body when `keepBody` and the answer is a success. */
  const request = async (key: SoakClass, path: string, keepBody = false): Promise<string | null> => {
    const visitor = visitors.int(0, VISITORS - 1);
    const headers = { "x-forwarded-for": `10.77.${visitor >> 8}.${visitor & 255}` };
    const result = await get(agent, options.baseUrl + path, { timeoutMs, headers, keepBody });
    const kind = errorKind(result);
    if (!counting) {
      warmup.requests++;
      if (kind) {
        warmup.errors++;
        fail(kind, `${result.status ?? ""} ${path} (préchauffage)`);
      }
      return kind ? null : (result.body ?? "");
    }
    latencies[key].push(result.ms);
    if (kind) {
      classErrors[key]++;
      fail(kind, `${result.status ?? ""} ${path}`);
      return null;
    }
    return result.body ?? "";
  };

  const worker = async (index: number, until: number, edits: boolean) => {
    const editor = options.editors[index % options.editors.length]!;
    while (performance.now() < until) {
      const step = mix.next();
      if (step.class !== "edit") {
        await request(step.class, step.path);
        continue;
      }
      if (!edits) continue;
      const entry = mix.rng.pick(options.entries);
      const started = performance.now();
      const { attempt, stale: late } = await editOnce(options.db, editor, entry, (slug) => request("page", `/initiatives/${slug}`, true));
      latencies.edit.push(performance.now() - started);
      attempts.push(attempt);
      if (attempt.outcome === "other") {
        classErrors.edit++;
        fail("edit", `${entry.slug} : ${attempt.detail}`);
      }
      if (late) stale.push(late);
    }
  };
  const run = (ms: number, edits: boolean) => {
    const until = performance.now() + ms;
    return Promise.all(Array.from({ length: options.connections }, (_, index) => worker(index, until, edits)));
  };

  try {
    if (options.warmupMs > 0) {
      options.log?.(`  préchauffage : ${Math.round(options.warmupMs / 1000)} s…`);
      await run(options.warmupMs, false);
    }
    counting = true;
    const started = performance.now();
    const samples: RssSample[] = [];
    const sample = () =>
      options.serverPid && samples.push({ atMs: performance.now() - started, mb: largestRssKb(options.serverPid) / 1024 });
    sample();
    const sampler = setInterval(sample, options.rssEveryMs ?? 5000);
    const progress = setInterval(() => {
      const done = SOAK_CLASSES.reduce((sum, key) => sum + latencies[key].length, 0);
      options.log?.(
        `  ${Math.round((performance.now() - started) / 1000)} s : ${done} requêtes, ${ERROR_KINDS.reduce((sum, key) => sum + errors[key], 0)} erreurs, ${attempts.length} éditions`,
      );
    }, 60_000);
    try {
      await run(options.durationMs, true);
    } finally {
      clearInterval(sampler);
      clearInterval(progress);
    }
    sample();
    const durationMs = performance.now() - started;
    // After the run, every entry's page must show its last accepted version.
    for (const entry of options.entries) {
      const last = Math.max(0, ...attempts.filter((a) => a.entryId === entry.id && a.outcome === "saved").map((a) => a.savedVersion!));
      const page = await request("page", `/initiatives/${entry.slug}`, true);
      if (last > 0 && page !== null && latestMarkedVersion(page, entry.id) !== last)
        stale.push(`${entry.slug} : la page ne montre pas la version finale ${last}`);
    }
    const check = await checkEdits(options.db, options.entries, attempts);
    const requests = SOAK_CLASSES.filter((key) => key !== "edit").reduce((sum, key) => sum + latencies[key].length, 0);
    return {
      durationS: Math.round(durationMs / 100) / 10,
      connections: options.connections,
      requests,
      requestsPerSecond: Math.round((requests / (durationMs / 1000)) * 10) / 10,
      classes: Object.fromEntries(
        SOAK_CLASSES.map((key) => [key, { ...percentiles(latencies[key]), errors: classErrors[key] }]),
      ) as SoakFigures["classes"],
      errors,
      examples,
      warmup,
      edits: { attempts: attempts.length, saved: check.saved, conflicts: check.conflicts, lost: check.lost, stale },
      rss: options.serverPid ? rssVerdict(samples, durationMs) : undefined,
      rssSamples: options.serverPid ? samples.map((s) => [Math.round(s.atMs / 1000), Math.round(s.mb)]) : undefined,
    };
  } finally {
    agent.destroy();
  }
}

export function soakErrorCount(figures: SoakFigures): number {
  return ERROR_KINDS.reduce((sum, key) => sum + figures.errors[key], 0);
}

export function soakTargets(figures: SoakFigures): { target: string; value: string; met: boolean }[] {
  const out = [
    {
      target: `endurance : 0 erreur (5xx, 4xx inattendu, réseau, délai, édition ; ${figures.requests} requêtes)`,
      value: String(soakErrorCount(figures)),
      met: soakErrorCount(figures) === 0,
    },
    {
      target: `endurance : 0 mise à jour perdue (${figures.edits.saved} enregistrements acceptés, ${figures.edits.conflicts} conflits)`,
      value: String(figures.edits.lost.length),
      met: figures.edits.lost.length === 0 && figures.edits.saved > 0,
    },
    {
      target: "endurance : page publique à jour à la requête suivant l'enregistrement",
      value: `${figures.edits.stale.length} périmée(s)`,
      met: figures.edits.stale.length === 0,
    },
  ];
  if (figures.rss) {
    const r = figures.rss;
    out.push({
      target: `endurance : RSS stable (médiane des dernières ${r.windowS} s ≤ ${RSS_TOLERANCE} × celle des premières, max < ${RSS_CEILING_MB} Mo)`,
      value: `${r.firstMb} → ${r.lastMb} Mo, max ${r.maxMb} Mo`,
      met: r.stable,
    });
  }
  return out;
}

const CLASS_LABELS: Record<SoakClass, string> = {
  "search-unique": "recherche, URL uniques",
  "search-repeated": "recherche, URL répétées",
  page: "pages (accueil, fiches, territoires, carte…)",
  export: "exports CSV / JSON",
  api: "API v1",
  edit: "édition (formulaire, lecture, enregistrement)",
};

export function formatSoak(figures: SoakFigures): string {
  const lines = [
    `Endurance : ${figures.durationS} s à ${figures.connections} connexions, ${figures.requests} requêtes HTTP (${figures.requestsPerSecond} req/s), ${figures.edits.attempts} éditions ; ms :`,
  ];
  const rows = SOAK_CLASSES.map((key) => [
    CLASS_LABELS[key],
    figures.classes[key].samples,
    figures.classes[key].p50,
    figures.classes[key].p95,
    figures.classes[key].max,
    figures.classes[key].errors,
  ]);
  lines.push(table(["classe", "n", "p50", "p95", "max", "erreurs"], rows));
  lines.push(
    `Erreurs par type : ${ERROR_KINDS.map((key) => `${key} ${figures.errors[key]}`).join(", ")} (dont préchauffage : ${figures.warmup.errors} sur ${figures.warmup.requests} requêtes)`,
  );
  for (const example of figures.examples.slice(0, 10)) lines.push(`  ${example}`);
  lines.push(
    `Éditions : ${figures.edits.attempts} tentatives, ${figures.edits.saved} enregistrées, ${figures.edits.conflicts} refusées pour conflit, ${figures.edits.lost.length} perdue(s), ${figures.edits.stale.length} page(s) périmée(s)`,
  );
  for (const problem of [...figures.edits.lost, ...figures.edits.stale].slice(0, 10)) lines.push(`  ${problem}`);
  if (figures.rss) {
    const r = figures.rss;
    lines.push(
      `RSS du serveur (${r.samples} mesures) : médiane des premières ${r.windowS} s ${r.firstMb} Mo, des dernières ${r.windowS} s ${r.lastMb} Mo, max ${r.maxMb} Mo`,
    );
  }
  lines.push("", "Objectifs :");
  for (const t of soakTargets(figures)) lines.push(`  ${t.met ? "OK " : "NON"}  ${t.target} : ${t.value}`);
  return lines.join("\n");
}
