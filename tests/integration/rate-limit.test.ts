import { afterAll, describe, expect, it } from "vitest";
import { takeToken } from "@/lib/api/rate-limit";
import { parseRateLimit } from "@/lib/config/env";
import { createPrismaClient } from "@/lib/db/connect";

// Two clients with their own connection pools stand for two app instances on one database.
const first = createPrismaClient();
const second = createPrismaClient();
afterAll(async () => {
  await first.$disconnect();
  await second.$disconnect();
});

// So slow a refill that no token comes back while the test runs, however loaded the machine.
const slow = { capacity: 5, refillPerSecond: 0.001 };

describe("API rate limit in PostgreSQL", () => {
  it("counts one client's requests through every connection against one bucket", async () => {
    const decisions = [];
    for (let i = 0; i < slow.capacity; i++) decisions.push(await takeToken(i % 2 ? first : second, "192.0.2.1", slow));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true]);
    expect(decisions.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0]);
    const refused = await takeToken(first, "192.0.2.1", slow);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    // One token at 0.001 per second: about 1,000 s.
    expect(refused.retryAfter).toBeGreaterThan(990);
    expect(refused.retryAfter).toBeLessThanOrEqual(1000);
    expect((await takeToken(second, "192.0.2.1", slow)).allowed).toBe(false);
    expect((await takeToken(second, "192.0.2.2", slow)).allowed).toBe(true);
  });

  it("refills with the time elapsed on the database clock, up to the capacity", async () => {
    await first.$executeRaw`INSERT INTO "ApiRateBucket" (client, tokens, at) VALUES ('192.0.2.3', 0, clock_timestamp() - interval '10 seconds')`;
    // 10 s at 2 per second: 20 tokens, capped at 5, one taken.
    expect(await takeToken(first, "192.0.2.3", { capacity: 5, refillPerSecond: 2 })).toMatchObject({ allowed: true, remaining: 4 });
    await first.$executeRaw`UPDATE "ApiRateBucket" SET tokens = 0, at = clock_timestamp() - interval '2 seconds' WHERE client = '192.0.2.3'`;
    // 2 s at 0.25 per second: half a token, the next one in 2 s.
    expect(await takeToken(second, "192.0.2.3", { capacity: 5, refillPerSecond: 0.25 })).toMatchObject({ allowed: false, retryAfter: 2 });
  });

  it("gives each of many concurrent requests its own token, never more than the bucket holds", async () => {
    const limit = { capacity: 20, refillPerSecond: 0.001 };
    const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => takeToken(i % 2 ? first : second, "192.0.2.4", limit)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
    expect(new Set(decisions.filter((d) => d.allowed).map((d) => d.remaining)).size).toBe(20);
  });

  it("reads its limit as burst/refill per second", () => {
    expect(parseRateLimit("120/2")).toEqual({ capacity: 120, refillPerSecond: 2 });
    expect(parseRateLimit(" 10 / 0.5 ")).toEqual({ capacity: 10, refillPerSecond: 0.5 });
    for (const bad of ["", "120", "0/1", "10/0", "-1/2", "a/b"]) expect(parseRateLimit(bad)).toBeNull();
  });
});
