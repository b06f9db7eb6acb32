import { Readable } from "node:stream";
import v8 from "node:v8";
import vm from "node:vm";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/initiatives/export.csv/route";
import { prisma } from "@/lib/db/client";
import { closeCursorPool } from "@/lib/opendata/cursor";

const ROWS = 20_000;
// Live memory, not garbage waiting for collection: collect before sampling.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const DESCRIPTION_LENGTH = 4_000;

beforeAll(async () => {
  // Generated initiatives, each with a long description, so that the whole export (about
  // 90 MB) is far larger than the memory bound asserted below. The search read model's
  // triggers are switched off for the bulk insert (they maintain it row by row, which takes
  // minutes) and its rows written directly: this test is about streaming, not indexing.
  await prisma.$executeRawUnsafe(`ALTER TABLE "Initiative" DISABLE TRIGGER USER`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Initiative" (slug, title, summary, description, status, "publishedAt", "updatedAt")
    SELECT 'generee-' || n, 'Initiative générée n° ' || n || ' ; « test »', 'Résumé ' || n,
           repeat('Égalité et pouvoir d''agir ; ', ${Math.round(DESCRIPTION_LENGTH / 30)}), 'PUBLISHED', now(), now()
    FROM generate_series(1, ${ROWS}) AS n`);
  await prisma.$executeRawUnsafe(`ALTER TABLE "Initiative" ENABLE TRIGGER USER`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "InitiativeSearch" ("initiativeId", document, facets, "publishedAt", "sortTitle")
    SELECT id, ''::tsvector, '{}', "publishedAt", lower(title) FROM "Initiative" WHERE slug LIKE 'generee-%'`);
}, 300_000);

afterAll(() => closeCursorPool());

it(`exports ${ROWS.toLocaleString("en")} rows with bounded memory`, async () => {
  gc();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  let bytes = 0;
  let records = 0;
  const started = performance.now();

  const response = await exportCsv(
    new Request("http://localhost/initiatives/export.csv", { headers: { "x-forwarded-for": "198.51.100.1" } }),
  );
  const body = Readable.fromWeb(response.body! as import("node:stream/web").ReadableStream<Uint8Array>);
  let chunks = 0;
  const samples: number[] = [];
  body.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (++chunks % 10 === 0) gc();
    const now = process.memoryUsage();
    if (chunks % 10 === 0) samples.push(now.heapUsed - before.heapUsed);
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  });
  const parser = parse({ bom: true, delimiter: ";", columns: true });
  parser.on("data", () => records++);
  await pipeline(body, parser);

  const seconds = (performance.now() - started) / 1000;
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  const figures = {
    rows: records,
    exportMB: mb(bytes),
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(records / seconds),
    peakHeapGrowthMB: mb(peakHeap - before.heapUsed),
    peakRssGrowthMB: mb(peakRss - before.rss),
    peakRssMB: mb(peakRss),
    liveHeapPeakFirstHalfMB: mb(Math.max(...samples.slice(0, samples.length / 2))),
    liveHeapPeakSecondHalfMB: mb(Math.max(...samples.slice(samples.length / 2))),
  };
  console.log("export streaming figures", JSON.stringify(figures));

  expect(records).toBeGreaterThanOrEqual(ROWS);
  expect(bytes).toBeGreaterThan(80 * 1024 * 1024);
  // Holding the export in memory would take its whole size (and more as JS strings): live heap
  // stays within a few batches of 500 rows, and does not grow from the first half to the second.
  expect(peakHeap - before.heapUsed).toBeLessThan(64 * 1024 * 1024);
  expect(figures.liveHeapPeakSecondHalfMB).toBeLessThan(figures.liveHeapPeakFirstHalfMB * 1.5 + 4);
}, 300_000);
