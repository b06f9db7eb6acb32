/**
 * `npm run bench:findability`: the findability figures of `npm run bench` alone
 * (bench/findability.ts), on a database that `npm run bench -- --generate-only` filled, without
 * the minutes of the initiative workload: for profiling one change at a time.
 */
import { parseArgs } from "node:util";
import { benchDatabaseUrl, DEFAULT_ROWS } from "./growth";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? benchDatabaseUrl(DEFAULT_ROWS) },
    rounds: { type: "string", default: "5" },
  },
});
process.env.DATABASE_URL = values["database-url"];

// Imported after DATABASE_URL is set: the shared client reads it on first use.
const { disconnectFindability, measureFindability } = await import("./findability");
const { formatFindability } = await import("./report");
console.log(formatFindability(await measureFindability(Number(values.rounds))));
await disconnectFindability();
