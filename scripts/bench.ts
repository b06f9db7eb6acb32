/**
 * `npm run bench`: generates (or reuses) the benchmark data, times the search service against a
 * naive baseline on a fixed workload, then the search page over HTTP; with --soak, a long mixed
 * run over HTTP with concurrent edits instead. See bench/README.md.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { runCli, UserFacingError } from "@/lib/cli/run";
import { DEFAULT_SERVER_HEAP_MB } from "@/lib/config/next-server";
import { DEFAULT_SEED } from "@/bench/generate";
import { benchDatabaseUrl, DEFAULT_ROWS, growthPoints } from "@/bench/growth";
import { formatReport } from "@/bench/report";
import { formatSoak } from "@/bench/soak";
import { runBenchmark } from "@/bench/run";

const root = path.resolve(import.meta.dirname, "..");

runCli(async () => {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: String(DEFAULT_ROWS) },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      "database-url": { type: "string" },
      regenerate: { type: "boolean", default: false },
      rounds: { type: "string", default: "5" },
      "cold-rounds": { type: "string", default: "2" },
      "baseline-rounds": { type: "string", default: "1" },
      "baseline-sample": { type: "string", default: "2" },
      "skip-http": { type: "boolean", default: false },
      "skip-lighthouse": { type: "boolean", default: false },
      "lighthouse-runs": { type: "string", default: "3" },
      "generate-only": { type: "boolean", default: false },
      port: { type: "string", default: process.env.BENCH_PORT ?? "3100" },
      seconds: { type: "string", default: "20" },
      connections: { type: "string", default: "10" },
      "heap-mb": { type: "string", default: String(DEFAULT_SERVER_HEAP_MB) },
      out: { type: "string" },
      soak: { type: "boolean", default: false },
      "soak-minutes": { type: "string", default: "10" },
    },
  });
  const integer = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min)
      throw new UserFacingError(`--${name} doit être un entier ≥ ${min} (reçu : ${values[name]}).`);
    return value;
  };
  const rows = integer("rows", 100);
  // --soak-minutes alone asks for the soak too.
  const soak = values.soak || process.argv.some((arg) => arg.startsWith("--soak-minutes"));
  const outcome = await runBenchmark({
    rows,
    seed: integer("seed", 0),
    // Default: one database per size (bench/growth.ts), so that another size never regenerates it.
    databaseUrl: values["database-url"] ?? process.env.BENCH_DATABASE_URL ?? benchDatabaseUrl(rows),
    regenerate: Boolean(values.regenerate),
    rounds: integer("rounds", 1),
    coldRounds: integer("cold-rounds", 0),
    baselineRounds: integer("baseline-rounds", 0),
    baselineSample: integer("baseline-sample", 0),
    skipHttp: Boolean(values["skip-http"]),
    skipLighthouse: Boolean(values["skip-lighthouse"]),
    lighthouseRuns: integer("lighthouse-runs", 1),
    generateOnly: Boolean(values["generate-only"]),
    port: integer("port", 1),
    seconds: integer("seconds", 1),
    connections: integer("connections", 1),
    heapMb: integer("heap-mb", 0),
    out: values.out
      ? path.resolve(values.out)
      : path.join(root, "bench/results", `${soak ? "soak" : "bench"}-${rows}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`),
    soakMinutes: soak ? integer("soak-minutes", 1) : undefined,
  });
  if (!outcome) return;
  const report = outcome.report;
  const text =
    "kind" in report
      ? `Repères — banc d'endurance, ${report.date.slice(0, 16).replace("T", " ")} UTC, ${report.rows} initiatives, tas du serveur ${report.heapMb > 0 ? `${report.heapMb} Mo au plus` : "défaut de V8"}\n\n${formatSoak(report.soak)}${report.serverErrors.length > 0 ? `\n\nErreurs écrites par le serveur (les premières) :\n${report.serverErrors.map((line) => `  ${line}`).join("\n")}` : ""}`
      : formatReport(report, growthPoints(path.join(root, "bench/results"), { file: outcome.file, report }));
  console.log(`\n${text}\n\nRésultats : ${path.relative(root, outcome.file)}`);
});
