import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type Database } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/startup/prepare";
import { toSearchParams } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import { buildIsStale } from "@/scripts/build-freshness";
import { naiveSearch } from "./baseline";
import type { FindabilityFigures } from "./findability";
import { generateBenchData, type GenerateSummary } from "./generate";
import { measureStorage, type StorageSizes } from "./growth";
import { loadTest, sampleRss, startNextServer, type HttpFigures } from "./http";
import { lighthousePages, measureLighthouse, type LighthouseFigures } from "./lighthouse";
import { BUMP_SEARCH_VERSION, byClass, percentiles, record, timed, type ClassFigures, type Percentiles, type Timings } from "./measure";
import { measurePlaceLookup } from "./place-lookup";
import { runSoak, type SoakFigures } from "./soak";
import { hotEntries, soakEditors } from "./soak-edits";
import { loadCatalog } from "./soak-mix";
import { buildWorkload, QUERY_CLASSES, type WorkloadQuery } from "./workload";

const root = path.resolve(import.meta.dirname, "..");

export interface BenchOptions {
  rows: number;
  seed: number;
  databaseUrl: string;
  regenerate: boolean;
  rounds: number;
  /** Timed passes with the service's caches defeated before every call. */
  coldRounds: number;
  baselineRounds: number;
  /** The baseline runs on the first N queries of each class (0: all), at seconds per query. */
  baselineSample: number;
  skipHttp: boolean;
  /** Lighthouse on four pages of the HTTP part's server (skipped with it too). */
  skipLighthouse: boolean;
  /** Lighthouse runs per page; the run of median performance score is reported. */
  lighthouseRuns: number;
  /** Prepare the database and the data, measure nothing. */
  generateOnly: boolean;
  port: number;
  seconds: number;
  connections: number;
  /** Old-generation heap of the server in MB (0: V8's default, unbounded in practice). */
  heapMb: number;
  out: string;
  /** Minutes of the soak run (bench/soak.ts), which then replaces every other measure. */
  soakMinutes?: number;
}

/** Candidates for the static ceiling, cheapest first: a prerendered page, else the health route. */
const STATIC_CANDIDATES = ["/mentions-legales", "/api/health"];

const log = (line: string) => console.log(line);

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Generates the data unless the database already holds this row count and seed. */
async function ensureData(pool: pg.Pool, options: BenchOptions): Promise<GenerateSummary | "reused"> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_meta (rows int NOT NULL, seed int NOT NULL, generated_at timestamptz NOT NULL)`);
  const meta = await pool.query<{ rows: number; seed: number }>(`SELECT rows, seed FROM bench_meta`);
  const current = meta.rows[0];
  if (!options.regenerate && current?.rows === options.rows && current.seed === options.seed) {
    log(`Données : ${options.rows} initiatives déjà générées (graine ${options.seed}), réutilisées (--regenerate pour refaire).`);
    // Data generated before a search migration: the read model is rebuilt, not the data.
    const { rows } = await pool.query<{ stale: boolean }>(
      `SELECT (SELECT count(*) FROM "InitiativeSearch") <> (SELECT count(*) FROM "Initiative" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL) AS stale`,
    );
    if (rows[0]!.stale) {
      log("  index de recherche incomplet : reconstruction…");
      await pool.query(`SELECT reperes_search_rebuild()`);
      await pool.query(`VACUUM (ANALYZE)`);
    }
    return "reused";
  }
  log(`Génération de ${options.rows} initiatives (graine ${options.seed})…`);
  const interactive = process.stdout.isTTY;
  const summary = await generateBenchData(pool, {
    initiatives: options.rows,
    seed: options.seed,
    progress: (message) => (interactive ? process.stdout.write(`\r  ${message}   `) : log(`  ${message}`)),
  });
  if (interactive) process.stdout.write("\n");
  await pool.query(`DELETE FROM bench_meta`);
  await pool.query(`INSERT INTO bench_meta VALUES ($1, $2, now())`, [options.rows, options.seed]);
  log(
    `  ${summary.initiatives} initiatives, ${summary.actors} acteurs, ${summary.lessons} enseignements, ${summary.relations} relations en ${summary.seconds.toFixed(1)} s`,
  );
  return summary;
}

async function measureQueries(pool: pg.Pool, options: BenchOptions) {
  const db = createPrismaClient(options.databaseUrl);
  const workload = buildWorkload();
  const service: Timings = new Map();
  const cold: Timings = new Map();
  let scopePair: ScopePairFigures | undefined;
  try {
    log(`Mesures : ${workload.length} requêtes, préchauffage puis ${options.rounds} tours…`);
    for (const item of workload) await searchInitiatives(db, item.query);
    for (let round = 0; round < options.rounds; round++) {
      for (const item of workload) record(service, item.name, await timed(() => searchInitiatives(db, item.query)));
      log(`  tour ${round + 1} terminé`);
    }
    // A new search version is what an edit makes: every search is computed again, as for one
    // nobody asked for since the last edit (the case the caches do not help).
    for (let round = 0; round < options.coldRounds; round++) {
      for (const item of workload) {
        await pool.query(BUMP_SEARCH_VERSION);
        record(cold, item.name, await timed(() => searchInitiatives(db, item.query)));
      }
      log(`  tour sans cache ${round + 1} terminé`);
    }
    if (options.coldRounds > 0) {
      log(`  portée des lieux : ${SCOPE_PAIR_ROUNDS} tours alternés sans cache…`);
      scopePair = await measureScopePair(pool, db, workload);
    }
  } finally {
    await db.$disconnect();
  }
  return {
    workload,
    scopePair,
    service: byClass(workload, service),
    serviceCold: options.coldRounds > 0 ? byClass(workload, cold) : undefined,
    timings: options.coldRounds > 0 ? cold : service,
  };
}

/**
 * The naive baseline on a sample of the workload, after every other query measure: it reads
 * every table in full (seconds per query at 200,000 rows), which evicts the search's pages from
 * PostgreSQL's buffers, and the service's timings taken after it measured a cache it had emptied
 * (computed p95 41 ms before it, 92 ms after, on the same build). The ratio compares it with the
 * service's calls on the same queries: the computed ones when measured, as the baseline computes
 * everything.
 */
async function measureBaseline(pool: pg.Pool, options: BenchOptions, workload: WorkloadQuery[], service: Timings) {
  if (options.baselineRounds <= 0) return undefined;
  const sample =
    options.baselineSample > 0
      ? workload.filter((item) => workload.filter((other) => other.class === item.class).indexOf(item) < options.baselineSample)
      : workload;
  log(`Mesures : référence naïve, ${options.baselineRounds} tour(s) sur ${sample.length} requêtes…`);
  // Two warm-up queries bring the heap and join tables into cache; more would only add minutes.
  for (const queryClass of ["common-term", "whole-territory"])
    await naiveSearch(pool, workload.find((item) => item.class === queryClass)!.query);
  const baseline: Timings = new Map();
  for (let round = 0; round < options.baselineRounds; round++) {
    for (const item of sample) record(baseline, item.name, await timed(() => naiveSearch(pool, item.query)));
  }
  return { queries: sample.length, naive: byClass(sample, baseline), service: byClass(sample, service) };
}

/**
 * Computed passes over the place-inside / place-covering pair of the workload, for the target
 * « covering no slower than inside ». Two computed rounds give 14 calls a class, whose p95 is
 * their slowest: the inside class timed twice that way differed by up to 1.75× at p95 on a busy
 * machine (8 repetitions, load 10–13); over 10 rounds, by 0.95–1.34× (4 repetitions). Each
 * place's two calls run back to back, the order alternating by round, so that a busy moment and
 * the position after the other call fall on both scopes alike.
 */
const SCOPE_PAIR_ROUNDS = 10;

export interface ScopePairFigures {
  rounds: number;
  places: number;
  inside: Percentiles;
  covering: Percentiles;
}

async function measureScopePair(pool: pg.Pool, db: Database, workload: WorkloadQuery[]): Promise<ScopePairFigures> {
  const inside = workload.filter((item) => item.class === "place-inside");
  const covering = workload.filter((item) => item.class === "place-covering");
  const times = { inside: [] as number[], covering: [] as number[] };
  for (let round = 0; round < SCOPE_PAIR_ROUNDS; round++) {
    for (let index = 0; index < inside.length; index++) {
      const pair = [
        ["inside", inside[index]!],
        ["covering", covering[index]!],
      ] as const;
      for (const [scope, item] of round % 2 === 0 ? pair : [...pair].reverse()) {
        await pool.query(BUMP_SEARCH_VERSION);
        times[scope].push(await timed(() => searchInitiatives(db, item.query)));
      }
    }
  }
  return { rounds: SCOPE_PAIR_ROUNDS, places: inside.length, inside: percentiles(times.inside), covering: percentiles(times.covering) };
}

/** Interval of the version bumps of the cold HTTP pass: nearly every request misses the caches. */
const COLD_BUMP_MS = 50;

/** Runs `work` while another session bumps the search version, as a stream of edits would. */
async function withVersionBumps<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let running = true;
  const bumping = (async () => {
    while (running) {
      await client.query(BUMP_SEARCH_VERSION);
      await new Promise((resolve) => setTimeout(resolve, COLD_BUMP_MS));
    }
  })();
  try {
    return await work();
  } finally {
    running = false;
    await bumping;
    await client.end();
  }
}

export function ensureBuild() {
  if (buildIsStale(root)) {
    log("Construction de l'application (next build)…");
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  }
}

async function measureHttp(options: BenchOptions) {
  ensureBuild();
  log(`next start sur le port ${options.port}…`);
  const server = await startNextServer({ port: options.port, databaseUrl: options.databaseUrl, heapMb: options.heapMb });
  try {
    let staticPath = STATIC_CANDIDATES[STATIC_CANDIDATES.length - 1]!;
    for (const candidate of STATIC_CANDIDATES) {
      if ((await fetch(server.baseUrl + candidate)).status === 200) {
        staticPath = candidate;
        break;
      }
    }
    const searchPaths = buildWorkload().map((item) => `/initiatives?${toSearchParams(item.query).toString()}`);
    const run = { connections: options.connections, seconds: options.seconds };
    log(`  préchauffage (${searchPaths.length} URL de recherche)…`);
    await loadTest(server.baseUrl, searchPaths, { connections: options.connections, seconds: 3 });
    const rss = sampleRss(server.process.pid!);
    log(`  recherche, URL répétées : ${options.seconds} s à ${options.connections} connexions…`);
    const search = await loadTest(server.baseUrl, searchPaths, run);
    log(`  recherche, caches vidés toutes les ${COLD_BUMP_MS} ms : ${options.seconds} s…`);
    const searchCold = await withVersionBumps(options.databaseUrl, () => loadTest(server.baseUrl, searchPaths, run));
    const searchRss = rss.stop();
    log(`  page statique ${staticPath} : ${options.seconds} s…`);
    await loadTest(server.baseUrl, [staticPath], { connections: options.connections, seconds: 2 });
    const staticRss = sampleRss(server.process.pid!);
    const staticPage = await loadTest(server.baseUrl, [staticPath], run);
    const ceilingRss = staticRss.stop();
    let lighthouse: LighthouseFigures[] | undefined;
    if (!options.skipLighthouse) {
      const pages = await lighthousePages(options.databaseUrl);
      log(`  Lighthouse (mobile, débit et processeur simulés) : ${pages.length} pages, ${options.lighthouseRuns} passage(s) chacune…`);
      lighthouse = await measureLighthouse(server.baseUrl, pages, { runs: options.lighthouseRuns, log });
    }
    const http = {
      search,
      searchCold,
      static: { path: staticPath, ...staticPage },
      rpsRatio: Math.round((search.requestsPerSecond / staticPage.requestsPerSecond) * 100) / 100,
      coldRpsRatio: Math.round((searchCold.requestsPerSecond / staticPage.requestsPerSecond) * 100) / 100,
      rss: { serverMaxMb: Math.max(searchRss.largestMb, ceilingRss.largestMb), treeMaxMb: Math.max(searchRss.treeMb, ceilingRss.treeMb) },
      heapMb: options.heapMb,
    };
    return { http, lighthouse };
  } finally {
    await server.stop();
  }
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string };
  rows: number;
  seed: number;
  generation: GenerateSummary | "reused";
  /** Sizes of the search read model and of the database (the growth curve); absent from older reports. */
  storage?: StorageSizes;
  queries: number;
  /** The timed rounds repeat the warm-up's queries: results come from the service's cache. */
  service: ClassFigures;
  /** The same calls with the caches defeated (search version bumped) before each one. */
  serviceCold?: ClassFigures;
  /** The place-inside / place-covering pair timed again, interleaved (measureScopePair); absent from older reports. */
  scopePair?: ScopePairFigures;
  /** The naive baseline, and the service on the same queries (the ratio compares these two). */
  baseline?: { queries: number; naive: ClassFigures; service: ClassFigures };
  ratioP95?: Record<string, number>;
  /** The place lookup of the pickers and the territories API (bench/place-lookup.ts); absent from older reports. */
  placeLookup?: Percentiles;
  /** The one search box by kind and the lessons by place (bench/findability.ts); absent from older reports. */
  findability?: FindabilityFigures;
  /** rss.serverMaxMb: the largest process (Next's server); treeMaxMb: `next start` and its children summed. */
  /** search: the rotation of URLs, repeated (caches warm); searchCold: the same with the caches defeated. */
  http?: {
    search: HttpFigures;
    searchCold: HttpFigures;
    static: HttpFigures & { path: string };
    rpsRatio: number;
    coldRpsRatio: number;
    rss: { serverMaxMb: number; treeMaxMb: number };
    heapMb: number;
  };
  /** Lighthouse on four pages, against the same `next start` as `http`; absent from older reports. */
  lighthouse?: LighthouseFigures[];
}

/** The findability paths read through the app's shared client, pointed here at the benchmark database. */
async function measureFindabilityOn(databaseUrl: string, rounds: number): Promise<FindabilityFigures> {
  process.env.DATABASE_URL = databaseUrl;
  const { disconnectFindability, measureFindability } = await import("./findability");
  try {
    return await measureFindability(rounds);
  } finally {
    await disconnectFindability();
  }
}

export interface SoakReport {
  kind: "soak";
  date: string;
  rows: number;
  seed: number;
  minutes: number;
  heapMb: number;
  soak: SoakFigures;
  /** The first error lines the server wrote (its logs are otherwise dropped): what a 5xx was. */
  serverErrors: string[];
}

/** Warm-up of the soak, unsampled: the server's caches and JIT settle before the first minute. */
const SOAK_WARMUP_MS = 30_000;
/** Editors of the soak: fewer than the connections, so that several workers edit as one person too. */
const SOAK_EDITORS = 3;

/** The soak run on the benchmark database, against its own `next start`. */
async function runSoakOn(pool: pg.Pool, options: BenchOptions & { soakMinutes: number }): Promise<SoakReport> {
  ensureBuild();
  const db = createPrismaClient(options.databaseUrl);
  try {
    const catalog = await loadCatalog(pool, options.seed);
    const editors = await soakEditors(db, SOAK_EDITORS);
    const entries = await hotEntries(db, editors[0]!, catalog.places[0]!);
    log(`next start sur le port ${options.port} (endurance, ${options.soakMinutes} min à ${options.connections} connexions)…`);
    // One trusted hop: the soak's visitors come with their own addresses (bench/soak.ts).
    const server = await startNextServer({
      port: options.port,
      databaseUrl: options.databaseUrl,
      heapMb: options.heapMb,
      env: { REPERES_TRUSTED_PROXY_HOPS: "1" },
    });
    try {
      const soak = await runSoak({
        baseUrl: server.baseUrl,
        serverPid: server.process.pid!,
        db,
        catalog,
        editors,
        entries,
        seed: options.seed,
        durationMs: options.soakMinutes * 60_000,
        warmupMs: Math.min(SOAK_WARMUP_MS, options.soakMinutes * 6_000),
        connections: options.connections,
        log,
      });
      const serverErrors = [
        ...new Set(
          server
            .output()
            .split("\n")
            .filter((line) => /"level":(50|60)|⨯|Error/.test(line))
            .map((line) => line.slice(0, 400)),
        ),
      ].slice(0, 10);
      return {
        kind: "soak",
        date: new Date().toISOString(),
        rows: options.rows,
        seed: options.seed,
        minutes: options.soakMinutes,
        heapMb: options.heapMb,
        soak,
        serverErrors,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await db.$disconnect();
  }
}

export async function runBenchmark(options: BenchOptions): Promise<{ report: BenchReport | SoakReport; file: string } | undefined> {
  await ensureDatabase(options.databaseUrl);
  await prepareDatabase(options.databaseUrl, { demo: false, progress: (line) => log(`  ${line}`) });
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  let report: BenchReport;
  try {
    const generation = await ensureData(pool, options);
    if (options.generateOnly) return undefined;
    if (options.soakMinutes !== undefined) {
      const soak = await runSoakOn(pool, { ...options, soakMinutes: options.soakMinutes });
      return { report: soak, file: writeReport(options.out, soak) };
    }
    const postgres = (await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
    const storage = await measureStorage(pool);
    const measured = await measureQueries(pool, options);
    const lookupDb = createPrismaClient(options.databaseUrl);
    const placeLookup = await measurePlaceLookup(lookupDb, options.rounds).finally(() => lookupDb.$disconnect());
    log("Mesures : trouvabilité (recherche unifiée par type, enseignements par lieu)…");
    const findability = await measureFindabilityOn(options.databaseUrl, options.rounds);
    const baseline = await measureBaseline(pool, options, measured.workload, measured.timings);
    report = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "?",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres,
      },
      rows: options.rows,
      seed: options.seed,
      generation,
      storage,
      queries: measured.workload.length,
      service: measured.service,
      serviceCold: measured.serviceCold,
      scopePair: measured.scopePair,
      baseline,
      placeLookup,
      findability,
    };
    if (baseline) {
      report.ratioP95 = Object.fromEntries(
        [...QUERY_CLASSES, "all" as const].map((key) => [key, Math.round((baseline.naive[key].p95 / baseline.service[key].p95) * 10) / 10]),
      );
    }
  } finally {
    await pool.end();
  }
  if (!options.skipHttp) {
    const measured = await measureHttp(options);
    report.http = measured.http;
    report.lighthouse = measured.lighthouse;
  }
  return { report, file: writeReport(options.out, report) };
}

function writeReport(file: string, report: BenchReport | SoakReport): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
