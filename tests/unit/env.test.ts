import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/config/env";

describe("parseEnv", () => {
  it("defaults to the embedded database on port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.REPERES_DATA_DIR).toBe(".data");
    expect(env.REPERES_DEMO).toBe(false);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  " }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u@db:5432/reperes" }).DATABASE_URL).toBe("postgresql://u@db:5432/reperes");
  });

  it("refuses a URL that is not PostgreSQL, with a French message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://u@db/reperes" })).toThrow(EnvError);
    try {
      parseEnv({ DATABASE_URL: "not a url" });
    } catch (error) {
      expect((error as Error).message).toContain("DATABASE_URL");
      expect((error as Error).message).toContain("URL PostgreSQL");
    }
  });

  it("refuses an out-of-range port", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});
