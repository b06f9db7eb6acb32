import { afterAll, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";

const db = createPrismaClient();
afterAll(() => db.$disconnect());

it("opens sessions with JIT compilation off (it cost more than the search statements it compiled)", async () => {
  const [row] = await db.$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit`;
  expect(row!.jit).toBe("off");
});
