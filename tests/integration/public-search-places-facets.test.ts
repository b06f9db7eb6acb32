import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { findTerritories } from "@/lib/public/search";
import { emptyQuery, FILTER_KEYS, parseSearchQuery, type SearchQuery } from "@/lib/search/query";
import { countByFacetValue } from "@/lib/search/facet-counts";
import { initiativeFilterSql } from "@/lib/search/filters-sql";
import { searchInitiatives } from "@/lib/search/service";
import { ACSO, CREIL, publicSearchFixture, ROUBAIX } from "../support/public-search";

const { db, search, slugs } = publicSearchFixture();

// The inside rule (portee=local); what covers a place is tested in place-scope.test.ts.
describe("territory hierarchy", () => {
  it("ACSO includes the initiatives of Creil and Montataire, and its own", async () => {
    expect(await slugs(`territoire=${ACSO}&portee=local`)).toEqual(
      ["permanence-juridique-creil", "plan-territorial-lutte-discriminations-acso", "testing-logement-montataire"].sort(),
    );
  });

  it("Roubaix does not find ACSO's initiatives; the Oise and the région do", async () => {
    expect(await slugs(`territoire=${ROUBAIX}&portee=local`)).toEqual(["ambassadeurs-de-l-egalite-roubaix"]);
    expect(await slugs("territoire=60&portee=local")).toContain("plan-territorial-lutte-discriminations-acso");
    expect(await slugs("territoire=32&portee=local")).toHaveLength(6);
  });

  it("several territories are OR-ed", async () => {
    expect(await slugs(`territoire=${ROUBAIX}&territoire=${CREIL}&portee=local`)).toEqual([
      "ambassadeurs-de-l-egalite-roubaix",
      "permanence-juridique-creil",
    ]);
  });

  it("the picker finds places by name, alias or code, without accents", async () => {
    expect((await findTerritories("acso")).map((t) => t.code)).toContain(ACSO);
    expect((await findTerritories("creil"))[0]?.code).toBe(CREIL);
    expect((await findTerritories(ROUBAIX))[0]?.code).toBe(ROUBAIX);
    expect((await findTerritories("pevele")).some((t) => t.name.includes("Pévèle"))).toBe(true);
  });
});

/** The naive answer: what each facet value would count, from the link tables, with GROUP BY-free SQL. */
async function naiveCount(query: SearchQuery): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>(
    Prisma.sql`SELECT count(*)::int AS n FROM "Initiative" i JOIN "InitiativeSearch" s ON s."initiativeId" = i.id WHERE ${initiativeFilterSql(query)}`,
  );
  return rows[0]!.n;
}

describe("facet counts", () => {
  it("match the number of results each value would give, ignoring the facet's own selection", async () => {
    const query = parseSearchQuery(new URLSearchParams(`territoire=${ACSO}&approche=testing`));
    const result = await searchInitiatives(db, query);
    expect(result.total).toBe(1);
    for (const key of FILTER_KEYS) {
      for (const value of result.facets[key]) {
        const own = key === "annee" ? [Number(value.value)] : [value.value];
        const expected = await naiveCount({ ...query, [key]: own } as SearchQuery);
        expect({ key, value: value.value, count: value.count }).toEqual({ key, value: value.value, count: expected });
      }
    }
  });

  it("include zero-count values, so that they can be shown disabled", async () => {
    const result = await search(`territoire=${ROUBAIX}&portee=local`);
    const approaches = result.facets.approche;
    expect(approaches.length).toBe(await db.approach.count({ where: { deletedAt: null } }));
    expect(approaches.find((a) => a.value === "testing")?.count).toBe(0);
    expect(approaches.find((a) => a.value === "pairs-ambassadeurs")?.count).toBe(1);
    expect(result.facets.territoire.find((t) => t.value === "59")?.count).toBe(2);
    expect(result.facets.acteur.map((a) => a.value)).toContain("association");
  });

  it("status and year: an initiative counts in every year it ran", async () => {
    const result = await search("");
    expect(result.facets.statut.find((s) => s.value === "termine")?.count).toBe(2);
    expect(result.facets.annee.find((y) => y.value === "2019")?.count).toBe(2); // Kif Kif (2012-) and Montataire
    expect(await slugs("annee=2022&statut=termine")).toEqual(["permanence-juridique-creil"]);
  });

  it("count per territory for the map, with the same filters", async () => {
    const counts = await countByFacetValue(db, { ...emptyQuery, approche: ["testing"] }, "territoire", [ACSO, "60", ROUBAIX]);
    expect(Object.fromEntries(counts)).toEqual({ [ACSO]: 1, "60": 1, [ROUBAIX]: 0 });
  });

  it("are left out on request, with the same page, total and place split", async () => {
    for (const params of [`territoire=${ACSO}&annee=2019`, "q=discriminations", `q=ambassadeurs&territoire=${ROUBAIX}&portee=tous`]) {
      const query = parseSearchQuery(new URLSearchParams(params));
      const full = await searchInitiatives(db, query, { pageSize: 5 });
      const lean = await searchInitiatives(db, query, { pageSize: 5, facets: false });
      expect(full.total, params).toBeGreaterThan(0);
      expect(Object.values(full.facets).some((values) => values.length > 0)).toBe(true);
      const { facets, ...rest } = lean;
      const { facets: _counted, ...expected } = full;
      expect(rest, params).toEqual(expected);
      expect(
        Object.values(facets).every((values) => values.length === 0),
        params,
      ).toBe(true);
    }
  });

  it("paginate with a total and a page count", async () => {
    const first = await search("territoire=32", 4);
    const second = await search("territoire=32&page=2", 4);
    expect(first).toMatchObject({ total: 6, pageCount: 2, page: 1 });
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(6);
    expect((await search("page=99")).items).toEqual([]);
  });
});
