import { describe, expect, it } from "vitest";
import { placeKey } from "@/lib/search/place-words";
import { emptyQuery, parseSearchQuery, toSearchParams } from "@/lib/search/query";

describe("search query in the URL", () => {
  it("parses repeated parameters and round-trips to a canonical query string", () => {
    const query = parseSearchQuery(
      new URLSearchParams("q=egalite&territoire=200068047&approche=acces-au-droit&approche=testing&annee=2023&tri=recent&page=2"),
    );
    expect(query).toMatchObject({
      q: "egalite",
      territoire: ["200068047"],
      approche: ["acces-au-droit", "testing"],
      annee: [2023],
      tri: "recent",
      page: 2,
    });
    expect(parseSearchQuery(toSearchParams(query))).toEqual(query);
  });

  it("drops what cannot be valid instead of failing", () => {
    const query = parseSearchQuery({ page: "-1", tri: "n'importe", approche: ["<script>", "acces-au-droit"], annee: "abc", inconnu: "x" });
    expect(query).toEqual({ ...emptyQuery, approche: ["acces-au-droit"] });
    expect(parseSearchQuery({ page: "abc" }).page).toBe(1);
  });

  it("cuts an over-long q", () => {
    expect(parseSearchQuery({ q: "a".repeat(10_000) }).q).toHaveLength(200);
  });

  it("omits defaults from the canonical form", () => {
    expect(toSearchParams(emptyQuery).toString()).toBe("");
  });

  it("keeps place words as text only with interpreter=non, and round-trips it", () => {
    expect(parseSearchQuery({ q: "Roubaix" }).interpret).toBe(true);
    for (const junk of ["oui", "%ff", "\u0000", "x".repeat(10_000)]) expect(parseSearchQuery({ interpreter: junk }).interpret).toBe(true);
    const kept = parseSearchQuery({ q: "Roubaix", interpreter: "non" });
    expect(kept.interpret).toBe(false);
    expect(toSearchParams(kept).toString()).toBe("q=Roubaix&interpreter=non");
    expect(parseSearchQuery(toSearchParams(kept))).toEqual(kept);
  });
});

describe("place keys", () => {
  it("ignore case, accents, hyphens and apostrophes", () => {
    expect(placeKey("Saint-Vaast-lès-Mello")).toBe("saint vaast les mello");
    expect(placeKey("  NOGENT sur   oise ")).toBe("nogent sur oise");
    expect(placeKey("Saint-Leu-d’Esserent")).toBe("saint leu d esserent");
    expect(placeKey("Œuvre")).toBe("oeuvre");
  });
});

describe("the place scope parameter (portee)", () => {
  const CREIL = "60175";
  it("is canonical: default omitted, dropped without a place", () => {
    expect(toSearchParams(parseSearchQuery(new URLSearchParams(`territoire=${CREIL}&portee=tous`))).toString()).toBe(`territoire=${CREIL}`);
    expect(toSearchParams(parseSearchQuery(new URLSearchParams(`territoire=${CREIL}&portee=local`))).toString()).toBe(
      `territoire=${CREIL}&portee=local`,
    );
    expect(parseSearchQuery(new URLSearchParams("portee=couvrant")).portee).toBe("tous");
  });
});
