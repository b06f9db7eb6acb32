import { describe, expect, it } from "vitest";
import { afterProbe } from "@/lib/db/availability";

describe("database availability probe", () => {
  it("marks the database down at once on a refusal, on silence only after three probes in a row", () => {
    let state = { up: true, timeouts: 0 };
    state = afterProbe(state, "timeout");
    state = afterProbe(state, "timeout");
    expect(state).toEqual({ up: true, timeouts: 2 });
    expect(afterProbe(state, "timeout").up).toBe(false);
    expect(afterProbe(afterProbe(state, "up"), "timeout")).toEqual({ up: true, timeouts: 1 });
    expect(afterProbe({ up: true, timeouts: 0 }, "down").up).toBe(false);
    expect(afterProbe({ up: false, timeouts: 0 }, "timeout").up).toBe(false);
    expect(afterProbe({ up: false, timeouts: 0 }, "up").up).toBe(true);
  });
});
