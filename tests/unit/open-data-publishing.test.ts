import { describe, expect, it } from "vitest";
import robots from "@/app/robots";
import { toWinAnsi } from "@/lib/opendata/fiche-pdf";
import { actorJsonLd } from "@/lib/opendata/structured-data";

describe("PDF fiche", () => {
  it("keeps what the standard fonts can show and replaces the rest", () => {
    expect(toWinAnsi("Égalité « œuvre » – d’agir €")).toBe("Égalité « œuvre » – d’agir €");
    expect(toWinAnsi("10\u202f%")).toBe("10\u00a0%");
    expect(toWinAnsi("ŁódŹ ≥ 3")).toBe("?ódZ ? 3");
  });
});

describe("sitemap, robots and structured data", () => {
  it("robots.txt points to the sitemap", () => {
    expect(robots().sitemap).toBe("http://localhost:3000/sitemap.xml");
  });

  it("describes an actor as a schema.org Organization", () => {
    expect(
      actorJsonLd({
        slug: "irev",
        name: "IREV",
        acronym: "IREV",
        description: "Centre de ressources",
        territory: null,
        areas: [],
        contact: { address: null, phone: null, email: null, website: "https://www.irev.fr" },
      }),
    ).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Organization",
      url: "http://localhost:3000/acteurs/irev",
      sameAs: "https://www.irev.fr",
    });
  });
});
