import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchDatabaseUrl, formatGrowth, growthPoints, growthTarget, type StorageSizes } from "@/bench/growth";
import { QUERY_CLASSES } from "@/bench/workload";

// The growth curve of `npm run bench` reads the reports of earlier runs: which one stands for
// each size, and when the 1 M target may say OK or NON.
const figures = (p95: number) => {
  const one = { samples: 10, p50: p95 / 2, p95, p99: p95, max: p95 };
  return Object.fromEntries([...QUERY_CLASSES, "all"].map((key) => [key, one]));
};
const storage: StorageSizes = {
  tables: { InitiativeSearch: { table: 2 ** 20, indexes: 2 ** 19 } },
  gin: { InitiativeSearch_facets_idx: 3 * 2 ** 20 },
  database: 100 * 2 ** 20,
};
const report = (rows: number, date: string, p95: number, extra: object = {}) => ({
  rows,
  date,
  serviceCold: figures(p95),
  storage,
  ...extra,
});

function resultsDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-growth-"));
  for (const [name, content] of Object.entries(files))
    writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return dir;
}

describe("bench databases", () => {
  it("keeps the 200,000-row database where it was and gives every other size its own", () => {
    expect(new URL(benchDatabaseUrl(200_000)).pathname).toBe("/reperes_bench");
    expect(new URL(benchDatabaseUrl(20_000)).pathname).toBe("/reperes_bench_20000");
    expect(new URL(benchDatabaseUrl(1_000_000)).pathname).toBe("/reperes_bench_1000000");
  });
});

describe("growth curve", () => {
  it("keeps the latest computed report of each size, smallest first, and skips what is not one", () => {
    const dir = resultsDir({
      "bench-200000-a.json": report(200_000, "2026-12-01T20:00:00.000Z", 90),
      "bench-200000-b.json": report(200_000, "2026-12-01T21:00:00.000Z", 80),
      "bench-20000-a.json": report(20_000, "2026-12-01T19:00:00.000Z", 30, { storage: undefined }),
      // Repeated rounds only: not a computed figure.
      "bench-50000-a.json": { rows: 50_000, date: "2026-12-01T19:00:00.000Z", service: figures(1) },
      "bench-1000000-cut.json": '{"rows": 1000000, "date": "2026-',
      "soak-200000-a.json": report(200_000, "2026-12-02T00:00:00.000Z", 1),
    });
    const points = growthPoints(dir);
    expect(points.map((point) => [point.rows, point.computed.all?.p95])).toEqual([
      [20_000, 30],
      [200_000, 80],
    ]);
    // The current run counts even when written elsewhere (--out), and wins when newer.
    const current = report(200_000, "2026-12-01T22:00:00.000Z", 70);
    expect(growthPoints(dir, { file: "/elsewhere/run.json", report: current }).at(-1)).toMatchObject({
      rows: 200_000,
      file: "/elsewhere/run.json",
    });
    expect(growthPoints(path.join(dir, "missing"), { file: "run.json", report: current })).toHaveLength(1);
  });

  it("checks the 1 M run against the 200 k one only when both exist", () => {
    const at = (rows: number, p95: number) =>
      growthPoints(resultsDir({}), { file: `${rows}.json`, report: report(rows, "2026-12-01T20:00:00.000Z", p95) });
    expect(growthTarget([...at(200_000, 100)])).toMatchObject({ met: undefined, value: expect.stringContaining("non mesuré") });
    expect(growthTarget([...at(200_000, 100), ...at(1_000_000, 300)]).met).toBe(true);
    expect(growthTarget([...at(200_000, 100), ...at(1_000_000, 301)]).met).toBe(false);
  });

  it("prints each size's p50/p95 per class and its sizes in MB, « — » where a report has none", () => {
    const dir = resultsDir({
      "bench-20000-a.json": report(20_000, "2026-12-01T19:00:00.000Z", 30, { storage: undefined }),
      "bench-200000-a.json": report(200_000, "2026-12-01T20:00:00.000Z", 80),
    });
    const text = formatGrowth(growthPoints(dir));
    expect(text).toMatch(/all\s+15\s+30\s+40\s+80/);
    expect(text).toMatch(/InitiativeSearch \(table\)\s+—\s+1\.0/);
    expect(text).toMatch(/dont InitiativeSearch_facets_idx \(GIN\)\s+—\s+3\.0/);
    expect(text).toMatch(/base entière\s+—\s+100\.0/);
  });
});
