/**
 * The growth curve (issue 14): the same workload at several sizes (20,000, 200,000, 1,000,000
 * initiatives). Each run's report records its row count, its computed p50/p95 per class and
 * the sizes of the search read model; `npm run bench` prints the latest run of each size found
 * in bench/results next to the current one, and checks the 1 M run against the 200 k one.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { z } from "zod";
import { table, type ClassFigures, type Percentiles } from "./measure";
import { QUERY_CLASSES } from "./workload";

export const DEFAULT_ROWS = 200_000;
/** The sizes of the curve's target: computed p95 at LARGE within GROWTH_FACTOR × that at DEFAULT_ROWS. */
export const LARGE_ROWS = 1_000_000;
export const GROWTH_FACTOR = 3;

/**
 * One database per size, so that switching sizes never regenerates another: `reperes_bench`
 * for the default size (as before the curve existed), `reperes_bench_<rows>` for the others.
 */
export function benchDatabaseUrl(rows: number): string {
  return `postgresql://postgres@127.0.0.1:5432/reperes_bench${rows === DEFAULT_ROWS ? "" : `_${rows}`}`;
}

/** The read model of search (ADR 004) and the table it is built from. */
const STORAGE_TABLES = ["InitiativeSearch", "SearchPosting", "SearchFacet", "SearchWord", "Initiative"];

export interface StorageSizes {
  /** Bytes: pg_table_size (heap, TOAST, maps) and pg_indexes_size of each table. */
  tables: Record<string, { table: number; indexes: number }>;
  /** Bytes of each GIN index of those tables (the text and facet lookups). */
  gin: Record<string, number>;
  /** pg_database_size: what the run costs on disk. */
  database: number;
}

export async function measureStorage(pool: pg.Pool): Promise<StorageSizes> {
  const [tables, gin, database] = await Promise.all([
    pool.query<{ name: string; table: string; indexes: string }>(
      `SELECT c.relname AS name, pg_table_size(c.oid) AS table, pg_indexes_size(c.oid) AS indexes
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname = ANY($1::text[])`,
      [STORAGE_TABLES],
    ),
    pool.query<{ name: string; bytes: string }>(
      `SELECT i.relname AS name, pg_relation_size(i.oid) AS bytes
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_am am ON am.oid = i.relam
       WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1::text[]) AND am.amname = 'gin' ORDER BY i.relname`,
      [STORAGE_TABLES],
    ),
    pool.query<{ bytes: string }>(`SELECT pg_database_size(current_database()) AS bytes`),
  ]);
  const byName = new Map(tables.rows.map((row) => [row.name, { table: Number(row.table), indexes: Number(row.indexes) }]));
  return {
    tables: Object.fromEntries(STORAGE_TABLES.flatMap((name) => (byName.has(name) ? [[name, byName.get(name)!]] : []))),
    gin: Object.fromEntries(gin.rows.map((row) => [row.name, Number(row.bytes)])),
    database: Number(database.rows[0]!.bytes),
  };
}

/** One size of the curve: the latest run at that row count that computed its calls. */
export interface GrowthPoint {
  rows: number;
  date: string;
  file: string;
  computed: ClassFigures;
  storage?: StorageSizes;
}

const percentilesSchema = z.object({ samples: z.number(), p50: z.number(), p95: z.number(), p99: z.number(), max: z.number() });
/** What the curve reads of a report: older ones lack the storage, soak reports the computed calls. */
const reportSchema = z.object({
  rows: z.number().int().positive(),
  date: z.string(),
  serviceCold: z.record(z.string(), percentilesSchema),
  storage: z
    .object({
      tables: z.record(z.string(), z.object({ table: z.number(), indexes: z.number() })),
      gin: z.record(z.string(), z.number()),
      database: z.number(),
    })
    .optional(),
});

function readPoint(file: string, json: unknown): GrowthPoint | undefined {
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { rows, date, serviceCold, storage } = parsed.data;
  return { rows, date, file, computed: serviceCold as ClassFigures, storage };
}

function readReport(file: string): GrowthPoint | undefined {
  try {
    return readPoint(file, JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return undefined; // a report cut short (a run stopped while writing it): not a point
  }
}

/**
 * The latest computed run of each size among the reports of `dir` and the current one (which
 * may have been written elsewhere with --out), smallest size first.
 */
export function growthPoints(dir: string, current?: { file: string; report: unknown }): GrowthPoint[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith("bench-") && name.endsWith(".json"));
  } catch {
    // No results folder yet: only the current run.
  }
  const points = names.map((name) => readReport(path.join(dir, name)));
  if (current) points.push(readPoint(current.file, current.report));
  const latest = new Map<number, GrowthPoint>();
  for (const point of points) {
    if (!point) continue;
    const known = latest.get(point.rows);
    if (!known || point.date > known.date) latest.set(point.rows, point);
  }
  return [...latest.values()].sort((a, b) => a.rows - b.rows);
}

const rowsLabel = (rows: number) => (rows >= 1_000_000 && rows % 1_000_000 === 0 ? `${rows / 1_000_000} M` : `${rows / 1000} k`);
const megabytes = (bytes: number | undefined) => (bytes === undefined ? "—" : (bytes / 2 ** 20).toFixed(1));

export function formatGrowth(points: GrowthPoint[]): string {
  const latency = (figures: Percentiles | undefined): (string | number)[] => (figures ? [figures.p50, figures.p95] : ["—", "—"]);
  const storageRows: [string, (storage: StorageSizes) => number | undefined][] = [
    ...STORAGE_TABLES.flatMap((name): [string, (storage: StorageSizes) => number | undefined][] => [
      [`${name} (table)`, (storage) => storage.tables[name]?.table],
      [`${name} (index)`, (storage) => storage.tables[name]?.indexes],
    ]),
    ...[...new Set(points.flatMap((point) => Object.keys(point.storage?.gin ?? {})))]
      .sort()
      .map((name): [string, (storage: StorageSizes) => number | undefined] => [`  dont ${name} (GIN)`, (storage) => storage.gin[name]]),
    ["base entière", (storage) => storage.database],
  ];
  return [
    "Courbe de croissance (dernier passage de chaque taille, appels calculés), ms :",
    table(
      ["classe", ...points.flatMap((point) => [`${rowsLabel(point.rows)} p50`, "p95"])],
      [...QUERY_CLASSES, "all" as const].map((key) => [key, ...points.flatMap((point) => latency(point.computed[key]))]),
    ),
    "",
    "Tailles (Mo) :",
    table(
      ["relation", ...points.map((point) => rowsLabel(point.rows))],
      storageRows.map(([label, size]) => [label, ...points.map((point) => megabytes(point.storage && size(point.storage)))]),
    ),
    ...points.map(
      (point) =>
        `  ${rowsLabel(point.rows)} : ${point.date.slice(0, 16).replace("T", " ")} UTC, ${path.relative(process.cwd(), point.file)}`,
    ),
  ].join("\n");
}

/** Computed p95 at 1 M within 3× that at 200 k; not measured until both sizes have run. */
export function growthTarget(points: GrowthPoint[]): { target: string; value: string; met: boolean | undefined } {
  const target = `croissance : p95 calculé à ${rowsLabel(LARGE_ROWS)} ≤ ${GROWTH_FACTOR} × p95 à ${rowsLabel(DEFAULT_ROWS)}`;
  const large = points.find((point) => point.rows === LARGE_ROWS)?.computed.all;
  const base = points.find((point) => point.rows === DEFAULT_ROWS)?.computed.all;
  if (!large || !base) {
    const missing = [large ? [] : [rowsLabel(LARGE_ROWS)], base ? [] : [rowsLabel(DEFAULT_ROWS)]].flat().join(" et ");
    return { target, value: `non mesuré (aucun passage à ${missing} dans bench/results)`, met: undefined };
  }
  const ratio = Math.round((large.p95 / base.p95) * 10) / 10;
  return { target, value: `${large.p95} ms contre ${base.p95} ms (×${ratio})`, met: large.p95 <= GROWTH_FACTOR * base.p95 };
}
