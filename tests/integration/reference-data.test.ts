import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/startup/prepare";
import { loadReferenceData, referenceIsCurrent } from "@/lib/reference/load";
import { ACSO_SIREN } from "@/lib/reference/territories";

// The template database of every test file already holds the reference data (global setup).
const db = createPrismaClient();

async function descendants(code: string) {
  const rows = await db.territoryAncestor.findMany({ where: { ancestorCode: code }, select: { descendantCode: true } });
  return new Set(rows.map((r) => r.descendantCode));
}

describe("reference data in the database", () => {
  it("holds the vocabularies of domain.md", async () => {
    expect(await db.discriminationCriterion.count()).toBe(26);
    expect(await db.approach.count()).toBe(12);
    expect(await db.domain.count()).toBe(11);
    expect(await db.public.count()).toBe(15);
    const child = await db.theme.findUnique({ where: { slug: "acces-aux-droits" }, include: { parent: true } });
    expect(child?.parent?.slug).toBe("discriminations-egalite");
  });

  it("knows what is inside ACSO: its communes and their QPV, not Roubaix", async () => {
    const inside = await descendants(ACSO_SIREN);
    expect(inside.has("60175")).toBe(true); // Creil
    expect(inside.has("60414")).toBe(true); // Montataire
    expect([...inside].filter((code) => code.startsWith("QPV-"))).toHaveLength(7);
    expect(inside.has("59512")).toBe(false);
  });

  it("puts every commune and QPV under the région", async () => {
    const inRegion = await descendants("32");
    expect(inRegion.has("59512")).toBe(true);
    expect(inRegion.has("QPV-60414-les-martinets")).toBe(true);
    expect(inRegion.size).toBe(await db.territory.count());
  });

  it("keeps accent-free, lower-case keys of the name and the aliases", async () => {
    const acso = await db.territory.findUniqueOrThrow({ where: { code: ACSO_SIREN } });
    expect(acso.aliasKeys).toContain("acso");
    expect(acso.nameKey).toContain("creil sud oise");
    const found = await db.territory.findMany({ where: { nameKey: { contains: "villers saint paul" } }, select: { code: true } });
    expect(found.map((t) => t.code)).toContain("60684");
  });

  it("reloads idempotently and keeps aliases added by staff", async () => {
    const before = {
      territories: await db.territory.count(),
      links: await db.territoryParent.count(),
      closure: await db.territoryAncestor.count(),
    };
    await db.territory.update({ where: { code: "59512" }, data: { aliases: ["Roubaix centre"] } });
    await loadReferenceData(db);
    expect(await db.territory.count()).toBe(before.territories);
    expect(await db.territoryParent.count()).toBe(before.links);
    expect(await db.territoryAncestor.count()).toBe(before.closure);
    expect((await db.territory.findUniqueOrThrow({ where: { code: "59512" } })).aliases).toEqual(["Roubaix centre"]);
  });

  it("gives every approach a definition and conditions of success, and keeps a text rewritten by staff", async () => {
    const approaches = await db.approach.findMany({ select: { slug: true, description: true, successConditions: true } });
    expect(approaches.filter((a) => !a.description || !a.successConditions).map((a) => a.slug)).toEqual([]);
    await db.approach.update({ where: { slug: "testing" }, data: { successConditions: "Texte de l'équipe." } });
    await db.approach.update({ where: { slug: "mediation" }, data: { description: null } });
    await loadReferenceData(db);
    const testing = await db.approach.findUniqueOrThrow({ where: { slug: "testing" } });
    expect(testing.successConditions).toBe("Texte de l'équipe.");
    expect((await db.approach.findUniqueOrThrow({ where: { slug: "mediation" } })).description).toMatch(/tierce/);
  });

  it("drops a containment link that the reference no longer has", async () => {
    await db.territoryParent.create({ data: { childCode: "59512", parentCode: "80" } });
    await loadReferenceData(db);
    expect(
      await db.territoryParent.findMany({ where: { childCode: "59512" }, select: { parentCode: true }, orderBy: { parentCode: "asc" } }),
    ).toEqual([{ parentCode: "200093201" }, { parentCode: "59" }]);
    expect(await db.territoryAncestor.count({ where: { descendantCode: "59512", ancestorCode: "80" } })).toBe(0);
  });

  it("is reloaded at start only when the reference shipped with the code changed", async () => {
    const url = process.env.DATABASE_URL!;
    expect(await referenceIsCurrent(db)).toBe(true);
    expect((await prepareDatabase(url, { demo: false })).referenceLoaded).toBe(false);

    await db.referenceImport.create({ data: { fingerprint: "an-older-reference", territories: 0, links: 0 } });
    expect(await referenceIsCurrent(db)).toBe(false);
    const lines: string[] = [];
    expect((await prepareDatabase(url, { demo: false, progress: (line) => lines.push(line) })).referenceLoaded).toBe(true);
    expect(lines.some((line) => line.startsWith("territoires :"))).toBe(true);
    expect(await referenceIsCurrent(db)).toBe(true);
  });
});
