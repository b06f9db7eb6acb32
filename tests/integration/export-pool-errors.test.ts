import { afterAll, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { closeCursorPool, cursorPool, readInBatches } from "@/lib/opendata/cursor";

afterAll(() => closeCursorPool());

async function firstRow<Row>(sql: Prisma.Sql): Promise<Row> {
  for await (const batch of readInBatches<Row>(sql)) return batch[0]!;
  throw new Error("no row");
}

// Without a listener on the pool, the server ending an idle export connection (a restart of
// PostgreSQL, an administrator) was an uncaught exception that stopped the whole app; vitest
// reports it as an error of this file.
it("survives the database ending an idle export connection, and exports again", async () => {
  const { pid } = await firstRow<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`);
  expect(cursorPool().idleCount).toBe(1);

  await prisma.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
  await expect.poll(() => cursorPool().totalCount).toBe(0);

  const { n } = await firstRow<{ n: number }>(Prisma.sql`SELECT 41 + 1 AS n`);
  expect(n).toBe(42);
});
