import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/config/env";
import { PrismaClient, type Prisma } from "./generated/client";
import { attachRawPool } from "./raw";

export type Database = PrismaClient;
/** The client or a caller's transaction: what a function that may run inside `$transaction` takes. */
export type Queryable = Database | Prisma.TransactionClient;

/**
 * Builds a Prisma client over node-postgres. Scripts and tests call this directly with their own
 * URL; the app goes through `lib/db/client.ts`, which keeps a single instance.
 */
export function createPrismaClient(connectionString = env().DATABASE_URL): PrismaClient {
  if (!connectionString) {
    throw new Error("DATABASE_URL n'est pas défini : lancez l'application avec `npm start`, qui le fournit.");
  }
  // JIT off: the search statements are planned as costly (bitmap masks, GIN estimates) and
  // PostgreSQL then spent 60 ms compiling them for 20 ms of work (ADR 004, "Third pass").
  // Transactions get more than Prisma's 5 s: a save waits there for the row lock of another
  // editor's save of the same entry, and the 10-minute soak (bench/soak.ts) saw saves fail on
  // the default under load, where a conflict or a success was the right answer.
  // No parallel workers either: the results page walks an index up to its LIMIT (ADR 004, "Fifth
  // pass"), which a parallel plan turns into workers started for a few milliseconds of work, and
  // on a server answering many requests at once the other cores are busy anyway.
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 5000,
    options: "-c jit=off -c max_parallel_workers_per_gather=0",
  });
  const client = new PrismaClient({
    // The client owns the pool: $disconnect ends it. Idle-client errors are the adapter's to log.
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  // The adapter listens too, once connected; before that, a dropped idle connection of a raw
  // read (lib/db/raw.ts) must not be an uncaught 'error' event: the next query reports it.
  pool.on("error", () => {});
  attachRawPool(client, pool);
  return client;
}
