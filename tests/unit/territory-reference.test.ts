import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/format/fold";
import { ACSO_SIREN, buildRegionReference, provisionalQpvCode } from "@/lib/reference/territories";

const reference = buildRegionReference();
const byCode = new Map(reference.territories.map((t) => [t.code, t]));
const parentsOf = (code: string) =>
  reference.links
    .filter((l) => l.childCode === code)
    .map((l) => l.parentCode)
    .sort();

describe("Hauts-de-France reference from @etalab/decoupage-administratif", () => {
  it("has the région, its five départements, its 3,782 communes and the 92 EPCI touching it", () => {
    const count = (kind: string) => reference.territories.filter((t) => t.kind === kind).length;
    expect(byCode.get("32")?.name).toBe("Hauts-de-France");
    expect(count("REGION")).toBe(1);
    expect(
      reference.territories
        .filter((t) => t.kind === "DEPARTEMENT")
        .map((t) => t.code)
        .sort(),
    ).toEqual(["02", "59", "60", "62", "80"]);
    expect(count("COMMUNE")).toBe(3782);
    expect(count("EPCI")).toBe(92);
  });

  it("places Roubaix in the Nord and the Métropole Européenne de Lille", () => {
    expect(byCode.get("59512")?.name).toBe("Roubaix");
    expect(parentsOf("59512")).toEqual(["200093201", "59"]);
  });

  it("knows ACSO by its alias, with its 11 communes", () => {
    expect(byCode.get(ACSO_SIREN)?.aliases).toContain("ACSO");
    const members = reference.links
      .filter((l) => l.parentCode === ACSO_SIREN)
      .map((l) => l.childCode)
      .sort();
    expect(members).toEqual(["60173", "60175", "60391", "60414", "60463", "60551", "60584", "60589", "60601", "60635", "60684"]);
  });

  it("puts an EPCI under its département when all its communes are in it, else under the région", () => {
    expect(parentsOf(ACSO_SIREN)).toEqual(["60"]);
    const spanning = reference.territories.filter((t) => t.kind === "EPCI" && parentsOf(t.code).includes("32"));
    for (const epci of spanning) {
      const departements = new Set(reference.links.filter((l) => l.parentCode === epci.code).map((l) => l.childCode.slice(0, 2)));
      expect(departements.size, epci.name).toBeGreaterThan(1);
    }
  });

  it("adds ACSO's seven QPV with local codes, attached to their commune", () => {
    const qpv = reference.territories.filter((t) => t.kind === "QPV");
    expect(qpv).toHaveLength(7);
    expect(qpv.every((q) => !q.official && q.code.startsWith("QPV-"))).toBe(true);
    expect(parentsOf(provisionalQpvCode("60414", "Les Martinets"))).toEqual(["60414"]);
  });

  it("has no duplicate code", () => {
    expect(byCode.size).toBe(reference.territories.length);
  });
});

describe("slugify", () => {
  it("drops accents, ligatures and punctuation", () => {
    expect(slugify("Les Rochers – L'Obier")).toBe("les-rochers-l-obier");
    expect(slugify("Mœurs  et ÉGALITÉ")).toBe("moeurs-et-egalite");
  });
});
