/**
 * `npm run bench:unified`: times the paths of the one search box (/recherche) and of the
 * lessons list by place on the benchmark database that `npm run bench -- --generate-only`
 * filled. Each query runs once cold (first call), then `--rounds` times; p50/p95 per class.
 * The initiative part of the unified search has its own result cache (ADR 004): the "cold"
 * column is the first call, the others mostly reuse it, as pages do between edits.
 */
import { parseArgs } from "node:util";
import { percentiles, timed } from "./measure";
import { termClasses } from "./vocabulary";
import { PLACES } from "./workload";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/reperes_bench" },
    rounds: { type: "string", default: "5" },
  },
});
process.env.DATABASE_URL = values["database-url"];
const rounds = Number(values.rounds);

// Imported after DATABASE_URL is set: the shared client reads it on first use.
const { prisma } = await import("@/lib/db/client");
const { parseLessonQuery, searchLessons } = await import("@/lib/public/lessons");
const { unifiedSearch } = await import("@/lib/public/unified-search");

type Place = { code: string; name: string; kind: "REGION" | "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV" };
const creil: Place = { code: PLACES.creil, name: "Creil", kind: "COMMUNE" };
const roubaix: Place = { code: PLACES.roubaix, name: "Roubaix", kind: "COMMUNE" };
const acso: Place = { code: PLACES.acso, name: "ACSO", kind: "EPCI" };
const terms = termClasses();

const workload: { class: string; run: () => Promise<unknown> }[] = [
  ...[...terms.common.slice(0, 3), ...terms.medium.slice(0, 3), ...terms.rare.slice(0, 3)].map((word) => ({ class: "unified-term", run: () => unifiedSearch(word, null, "tous") })),
  ...[creil, roubaix, acso].map((place) => ({ class: "unified-term-place", run: () => unifiedSearch(terms.medium[4]!, place, "tous") })),
  ...[creil, roubaix].map((place) => ({ class: "unified-place-only", run: () => unifiedSearch("", place, "tous") })),
  ...[
    { territoire: PLACES.creil },
    { territoire: PLACES.roubaix, portee: "local" },
    { territoire: PLACES.acso, portee: "couvrant" },
    { territoire: "60" },
    { territoire: PLACES.region, portee: "local" },
  ].map((params) => ({ class: "lessons-place", run: () => searchLessons(parseLessonQuery(params)) })),
  ...[terms.common[1]!, terms.medium[2]!, terms.rare[1]!].map((q) => ({ class: "lessons-text", run: () => searchLessons(parseLessonQuery({ q, territoire: PLACES.creil })) })),
];

const cold = new Map<string, number[]>();
const warm = new Map<string, number[]>();
const push = (map: Map<string, number[]>, key: string, value: number) => map.set(key, [...(map.get(key) ?? []), value]);
for (const item of workload) push(cold, item.class, await timed(item.run));
for (let round = 0; round < rounds; round++) for (const item of workload) push(warm, item.class, await timed(item.run));

console.log("classe                 requêtes   1er appel p95   p50      p95      max (ms)");
for (const [name, timings] of warm) {
  const w = percentiles(timings);
  const c = percentiles(cold.get(name)!);
  console.log(`${name.padEnd(22)} ${String(cold.get(name)!.length).padStart(8)}   ${String(c.p95).padStart(13)}   ${String(w.p50).padStart(6)}   ${String(w.p95).padStart(6)}   ${String(w.max).padStart(6)}`);
}
await prisma.$disconnect();
