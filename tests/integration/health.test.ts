import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient } from "@/lib/db/connect";

const holder = globalThis as { reperesPrisma?: unknown };

describe("GET /api/health", () => {
  it("answers ok when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database is unreachable", async () => {
    const previous = holder.reperesPrisma;
    holder.reperesPrisma = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere");
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
      expect(response.headers.get("cache-control")).toBe("no-store");
    } finally {
      holder.reperesPrisma = previous;
    }
  });
});
