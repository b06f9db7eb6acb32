import { describe, expect, it } from "vitest";
import { sharedParams } from "@/lib/public/unified-search";

describe("unified search", () => {
  it("builds the links to each kind's full list with the same parameters", () => {
    expect(sharedParams("aller-vers", "60175", "couvrant").toString()).toBe("q=aller-vers&territoire=60175&portee=couvrant");
    expect(sharedParams("x", "60175", "tous").toString()).toBe("q=x&territoire=60175");
    expect(sharedParams("", null, "local").toString()).toBe("");
  });
});
