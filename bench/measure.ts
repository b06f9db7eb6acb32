import { QUERY_CLASSES, type QueryClass, type WorkloadQuery } from "./workload";

export interface Percentiles {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles, in milliseconds rounded to 0.1. */
export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { samples: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.at(-1) ?? NaN) };
}

/** What an edit does to the search version (ADR 004): every cache keyed by it misses after. */
export const BUMP_SEARCH_VERSION = `UPDATE "SearchVersion" SET version = version + 1 WHERE id = 1`;

export type Timings = Map<string, number[]>;

export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export function record(timings: Timings, name: string, milliseconds: number) {
  const list = timings.get(name) ?? [];
  list.push(milliseconds);
  timings.set(name, list);
}

export type ClassFigures = Record<QueryClass | "all", Percentiles>;

export function byClass(workload: WorkloadQuery[], timings: Timings): ClassFigures {
  const out = {} as ClassFigures;
  for (const queryClass of QUERY_CLASSES) {
    out[queryClass] = percentiles(workload.filter((w) => w.class === queryClass).flatMap((w) => timings.get(w.name) ?? []));
  }
  out.all = percentiles([...timings.values()].flat());
  return out;
}

/** A plain text table: the first column left-aligned, the figures right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: (string | number)[]) =>
    cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]!) : String(cell).padStart(widths[column]!))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
