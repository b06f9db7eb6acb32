import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { countInitiativesByTerritory } from "@/lib/map/counts";
import { importGeometryDirectory } from "@/lib/map/import";
import { getProjectedMap } from "@/lib/map/shapes";
import { emptyQuery, parseSearchQuery } from "@/lib/search/query";
import { makeInitiative } from "../support/factories";

const db = createPrismaClient();
const MEL = "200093201";
const ACSO = "200068047";

beforeAll(async () => {
  await makeInitiative(db, { slug: "ambassadeurs-roubaix", places: ["59512"], approaches: ["pairs-ambassadeurs"] });
  await makeInitiative(db, { slug: "permanences-lille", places: ["59350"] });
  await makeInitiative(db, {
    slug: "plan-acso",
    places: [ACSO],
    approaches: ["formation-professionnels"],
    themes: ["prevention-discriminations"],
  });
  await makeInitiative(db, { slug: "action-regionale", places: ["32"] });
});

describe("initiative counts per territory", () => {
  it("counts an initiative for every territory that contains one of its places", async () => {
    const byEpci = await countInitiativesByTerritory(db, emptyQuery, "EPCI");
    // Roubaix (59512) and Lille (59350) are in the MEL; the plan is attached to ACSO itself.
    expect(Object.fromEntries(byEpci.byTerritory)).toEqual({ [MEL]: 2, [ACSO]: 1 });
    // The regional action covers the région: matching, but on no EPCI.
    expect(byEpci).toMatchObject({ placed: 3, total: 4 });

    // ACSO lies wholly in the Oise, so its plan counts for the Oise, as territoire=60 finds it.
    const byDepartement = await countInitiativesByTerritory(db, emptyQuery, "DEPARTEMENT");
    expect(Object.fromEntries(byDepartement.byTerritory)).toEqual({ "59": 2, "60": 1 });

    const inMel = await countInitiativesByTerritory(db, emptyQuery, "COMMUNE", MEL);
    expect(Object.fromEntries(inMel.byTerritory)).toEqual({ "59512": 1, "59350": 1 });
  });

  it("follows the search filters, as in the URL of /initiatives", async () => {
    const query = parseSearchQuery(new URLSearchParams("approche=pairs-ambassadeurs&approche=formation-professionnels"));
    const byEpci = await countInitiativesByTerritory(db, query, "EPCI");
    expect(Object.fromEntries(byEpci.byTerritory)).toEqual({ [MEL]: 1, [ACSO]: 1 });

    const roubaixOnly = parseSearchQuery(new URLSearchParams("territoire=59512"));
    expect(Object.fromEntries((await countInitiativesByTerritory(db, roubaixOnly, "EPCI")).byTerritory)).toEqual({ [MEL]: 1 });

    const theme = parseSearchQuery(new URLSearchParams("theme=prevention-discriminations&territoire=60"));
    const oise = await countInitiativesByTerritory(db, theme, "EPCI");
    expect(Object.fromEntries(oise.byTerritory)).toEqual({ [ACSO]: 1 });
    expect(oise.total).toBe(1);

    const somme = parseSearchQuery(new URLSearchParams("territoire=80&portee=local"));
    expect((await countInitiativesByTerritory(db, somme, "EPCI")).total).toBe(0);
    // By default the Somme also brings what covers it: the région's action, placed on no EPCI.
    const coveringSomme = parseSearchQuery(new URLSearchParams("territoire=80"));
    expect(await countInitiativesByTerritory(db, coveringSomme, "EPCI")).toMatchObject({ total: 1, placed: 0 });
  });

  it("counts the EPCI of a département zoom that have a commune in it", async () => {
    const inOise = await countInitiativesByTerritory(db, emptyQuery, "EPCI", "60");
    expect(Object.fromEntries(inOise.byTerritory)).toEqual({ [ACSO]: 1 });
  });

  it("never counts a draft or a trashed initiative", async () => {
    const before = await countInitiativesByTerritory(db, emptyQuery, "COMMUNE", MEL);
    const draft = await makeInitiative(db, { slug: "brouillon-roubaix", status: "DRAFT", places: ["59512"] });
    const trashed = await makeInitiative(db, { slug: "corbeille-roubaix", trashed: true, places: ["59512"] });
    const after = await countInitiativesByTerritory(db, emptyQuery, "COMMUNE", MEL);
    expect(after).toEqual(before);
    await db.initiative.deleteMany({ where: { id: { in: [draft.id, trashed.id] } } });
  });
});

describe("projected maps", () => {
  it("has no map before any import, then draws every commune of the région from the cache", async () => {
    expect(await getProjectedMap(db, "COMMUNE")).toBeNull();
    await importGeometryDirectory(db, path.resolve(import.meta.dirname, "../..", "../shared/data/geo"));
    const map = await getProjectedMap(db, "COMMUNE");
    expect(map!.shapes).toHaveLength(3782);
    expect(map!.width).toBe(800);
    // Whole pixels, relative moves: compact path data.
    expect(map!.shapes.find((s) => s.code === "59512")!.d).toMatch(/^M\d+,\d+(l-?\d+(,|-)\d+)+z$/);
    // The very same object: served from the cache, not rebuilt.
    expect(await getProjectedMap(db, "COMMUNE")).toBe(map);

    const acso = await getProjectedMap(db, "COMMUNE", { code: ACSO, kind: "EPCI" });
    expect(acso!.shapes.map((s) => s.code).sort()).toHaveLength(11);
  });
});
