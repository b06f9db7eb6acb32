/**
 * `npm run bench:lighthouse`: the Lighthouse figures of `npm run bench` alone
 * (bench/lighthouse.ts), against a `next start` on a database that `npm run bench` (or
 * `--generate-only`) filled, without the minutes of the workload: for one page change at a time.
 */
import { parseArgs } from "node:util";
import { DEFAULT_SERVER_HEAP_MB } from "@/lib/config/next-server";
import { startNextServer } from "./http";
import { lighthousePages, measureLighthouse } from "./lighthouse";
import { formatLighthouse } from "./report";
import { ensureBuild } from "./run";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/reperes_bench" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3100" },
    runs: { type: "string", default: "3" },
  },
});
const databaseUrl = values["database-url"];
ensureBuild();
const server = await startNextServer({ port: Number(values.port), databaseUrl, heapMb: DEFAULT_SERVER_HEAP_MB });
try {
  const pages = await lighthousePages(databaseUrl);
  console.log(formatLighthouse(await measureLighthouse(server.baseUrl, pages, { runs: Number(values.runs), log: console.log })));
} finally {
  await server.stop();
}
