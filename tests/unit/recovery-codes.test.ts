import { describe, expect, it } from "vitest";
import { newRecoveryCodes } from "@/lib/auth/totp";

describe("recovery codes", () => {
  it("carry at least 112 random bits and are stored salted", () => {
    const { codes, hashes } = newRecoveryCodes();
    for (const code of codes) expect(code.replace(/-/g, "")).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(codes).size).toBe(10);
    for (const entry of hashes) expect(entry).toMatch(/^[0-9a-f]{32}\$[0-9a-f]{64}$/);
  });
});
