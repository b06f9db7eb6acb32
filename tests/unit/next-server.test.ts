import { describe, expect, it } from "vitest";
import { DEFAULT_SERVER_HEAP_MB, withServerHeap } from "@/lib/config/next-server";

describe("withServerHeap", () => {
  it("bounds the old generation and widens the young one, keeping other options", () => {
    const env = withServerHeap({ NODE_ENV: "production", NODE_OPTIONS: "--enable-source-maps", PORT: "3000" });
    expect(env.PORT).toBe("3000");
    expect(env.NODE_OPTIONS!.split(" ")).toEqual([
      "--enable-source-maps",
      `--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`,
      "--max-semi-space-size=16",
    ]);
  });

  it("leaves a bound the operator set alone", () => {
    const env = withServerHeap({ NODE_ENV: "production", NODE_OPTIONS: "--max-old-space-size=1024" }, 128);
    expect(env.NODE_OPTIONS).toBe("--max-old-space-size=1024 --max-semi-space-size=16");
  });

  it("takes another size when asked", () => {
    expect(withServerHeap({ NODE_ENV: "production" }, 512).NODE_OPTIONS).toBe("--max-old-space-size=512 --max-semi-space-size=16");
  });
});
