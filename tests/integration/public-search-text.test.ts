import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import { publicSearchFixture } from "../support/public-search";

const { db, search, slugs } = publicSearchFixture();

describe("full-text search in French", () => {
  it("stems: « discriminations » finds a title saying « discrimination »", async () => {
    expect(await slugs("q=discriminations")).toContain("permanence-juridique-creil");
  });

  it("ignores accents and case", async () => {
    expect(await slugs("q=egalite")).toContain("ambassadeurs-de-l-egalite-roubaix");
    expect(await slugs("q=ROUBAIX")).toContain("ambassadeurs-de-l-egalite-roubaix");
    expect(await slugs("q=%C3%A9galit%C3%A9s")).toContain("ambassadeurs-de-l-egalite-roubaix");
  });

  it("covers the names of actors and territories", async () => {
    expect(await slugs("q=ACSO")).toContain("plan-territorial-lutte-discriminations-acso");
    expect(await slugs("q=Kif")).toContain("permanences-ecoute-kif-kif");
  });

  it("tolerates small typos when the exact search finds little, and says so", async () => {
    const result = await search("q=discrimnation");
    expect(result.correctedQuery).toMatch(/^discrimination/);
    expect(result.items.map((i) => i.slug)).toContain("permanence-juridique-creil");
    expect(await slugs("q=Roubais")).toContain("ambassadeurs-de-l-egalite-roubaix");
    expect((await search("q=egalite")).correctedQuery).toBeUndefined();
  });

  it("ranks a title match above a body match and highlights the words as text segments", async () => {
    const result = await search("q=testing");
    expect(result.items[0]?.slug).toBe("testing-logement-montataire");
    expect(result.items[0]?.titleSegments).toContainEqual({ text: "Testing", highlighted: true });
    const egalite = (await search("q=egalite")).items.find((i) => i.slug === "ambassadeurs-de-l-egalite-roubaix");
    expect(egalite?.excerpt.some((s) => s.highlighted && /égalité/i.test(s.text))).toBe(true);
  });

  it("never fails on hostile or absurd input", async () => {
    for (const q of [
      '\'; DROP TABLE "Initiative"; --',
      "<script>alert(1)</script>",
      "a".repeat(10_000),
      "!!! & | ( )",
      "le",
      "\u0002x\u0003",
    ]) {
      const result = await searchInitiatives(db, parseSearchQuery({ q }));
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect(await db.initiative.count()).toBeGreaterThan(0);
  });
});
