import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { loadDemoContent } from "@/lib/demo/load";
import { parseActorQuery, searchActors } from "@/lib/public/actors";
import { parseLessonQuery, searchLessons } from "@/lib/public/lessons";
import { choosePlace, search } from "@/lib/public/search";
import { GROUP_SIZE, parseUnifiedQuery, readUnifiedWords, unifiedSearch } from "@/lib/public/unified-search";
import { parseSearchQuery } from "@/lib/search/query";
import { makeActor, makeInitiative, makeLesson, makeSource, type Publication } from "../support/factories";

const CREIL = { code: "60175", name: "Creil", kind: "COMMUNE" as const };
const ROUBAIX = { code: "59512", name: "Roubaix", kind: "COMMUNE" as const };

beforeAll(async () => {
  await loadDemoContent(prisma);
  // One entry of each kind that must never show: drafts and trashed, all saying « zorglub ».
  const hidden: Publication[] = [{ status: "DRAFT" }, { trashed: true }];
  for (const [index, state] of hidden.entries()) {
    await makeActor(prisma, { slug: `zorglub-acteur-${index}`, name: "Association Zorglub", place: CREIL.code, ...state });
    await makeSource(prisma, { slug: `zorglub-source-${index}`, title: "Rapport Zorglub", ...state });
    await makeLesson(prisma, { slug: `zorglub-lecon-${index}`, title: "Leçon Zorglub", body: "Zorglub.", ...state });
    await makeInitiative(prisma, {
      slug: `zorglub-initiative-${index}`,
      title: "Initiative Zorglub",
      summary: "Zorglub.",
      places: [CREIL.code],
      ...state,
    });
  }
  // Published actors for bounds and the place rule.
  for (let index = 0; index < GROUP_SIZE + 2; index++) {
    await makeActor(prisma, { slug: `maraude-${index}`, name: `Maraude de quartier ${index}`, place: "59350" });
  }
});

describe("unified search", () => {
  it("answers with every kind, each count equal to its full list's total", async () => {
    const result = await unifiedSearch("discriminations", null, "tous");
    expect(result.initiatives.total).toBe((await search(parseSearchQuery(new URLSearchParams({ q: "discriminations" })))).total);
    expect(result.lessons.total).toBe((await searchLessons(parseLessonQuery({ q: "discriminations" }))).total);
    for (const group of [result.initiatives, result.lessons, result.actors, result.sources]) {
      expect(group.total).toBeGreaterThan(0);
      expect(group.items.length).toBe(Math.min(group.total, GROUP_SIZE));
    }
    expect(result.actors.items.map((a) => a.slug)).toContain("defenseur-des-droits");
    expect(result.sources.items.map((s) => s.slug)).toContain("synthese-lcd-pouvoir-d-agir-2024");
    expect(result.sources.items.find((s) => s.slug === "synthese-lcd-pouvoir-d-agir-2024")?.lessonCount).toBe(6);
  });

  it("bounds each kind to its first entries but counts them all", async () => {
    const result = await unifiedSearch("maraude", null, "tous");
    expect(result.actors.total).toBe(GROUP_SIZE + 2);
    expect(result.actors.items).toHaveLength(GROUP_SIZE);
  });

  it("matches hyphenated names either way", async () => {
    for (const q of ["Kif-Kif", "kif kif"]) {
      const result = await unifiedSearch(q, null, "tous");
      expect(
        result.actors.items.map((a) => a.slug),
        q,
      ).toContain("collectif-kif-kif");
    }
  });

  it("never shows drafts nor trashed entries of any kind", async () => {
    const result = await unifiedSearch("zorglub", null, "tous");
    expect([result.initiatives.total, result.lessons.total, result.actors.total, result.sources.total]).toEqual([0, 0, 0, 0]);
    const creil = await unifiedSearch("", CREIL, "tous");
    expect(creil.actors.items.map((a) => a.slug).filter((slug) => slug.startsWith("zorglub"))).toEqual([]);
  });

  it("applies the place rule: ACSO covers Creil, never Roubaix", async () => {
    const creil = await unifiedSearch("", CREIL, "tous");
    expect(creil.actors.items.find((a) => a.slug === "agglomeration-creil-sud-oise")?.scale).toBe("à l'échelle de l'agglomération");
    expect(creil.lessons.items.map((l) => l.slug)).toContain("former-les-professionnels");
    const roubaix = await unifiedSearch("", ROUBAIX, "tous");
    // Actors are placed as /acteurs places them (area of intervention): the local one first, then
    // the région's Défenseur des droits, never ACSO's agglomeration; the count is that list's.
    const roubaixActors = roubaix.actors.items.map((a) => a.slug);
    expect(roubaixActors[0]).toBe("ambassadeurs-de-l-egalite-roubaix");
    expect(roubaix.actors.items.find((a) => a.slug === "defenseur-des-droits")?.scale).toBe("à l'échelle de la région");
    expect(roubaixActors).not.toContain("agglomeration-creil-sud-oise");
    expect(roubaix.actors.total).toBe((await searchActors(parseActorQuery({ territoire: ROUBAIX.code }))).total);
    expect(roubaix.lessons.items.map((l) => l.slug)).not.toContain("former-les-professionnels");
    expect(roubaix.sources.items.map((s) => s.slug)).toContain("synthese-lcd-pouvoir-d-agir-2024");
    expect((await unifiedSearch("", CREIL, "local")).actors.total).toBe(0);
  });

  it("reads a place named in the words as the place of every group, unless told not to or another place is chosen", async () => {
    const read = await readUnifiedWords("discriminations Roubaix", null, true);
    expect(read).toMatchObject({ q: "discriminations", place: { code: "59512", name: "Roubaix" } });
    expect(read.understood.map((p) => p.words)).toEqual(["Roubaix"]);
    const result = await unifiedSearch(read.q, read.place, "tous");
    expect(result.initiatives.items[0]?.slug).toBe("ambassadeurs-de-l-egalite-roubaix");
    expect(result.lessons.items.map((l) => l.slug)).not.toContain("former-les-professionnels");
    expect(await readUnifiedWords("discriminations Roubaix", null, false)).toMatchObject({
      q: "discriminations Roubaix",
      place: null,
      understood: [],
    });
    const creil = { code: "60175", name: "Creil", kind: "COMMUNE" as const };
    expect(await readUnifiedWords("discriminations Roubaix", creil, true)).toMatchObject({
      q: "discriminations Roubaix",
      place: creil,
      understood: [],
    });
    expect(parseUnifiedQuery({ q: "x", interpreter: "non" }).interpreter).toBe(false);
    expect(parseUnifiedQuery({ q: "x\u0000", interpreter: "\u0000".repeat(10_000) }).interpreter).toBe(true);
  });

  const junk = ["\u0000", "a\u0000b", "%ff", "x".repeat(10_000), "\\", "'\"", "-", "(((", "99999"];
  it.each(junk.map((value) => [JSON.stringify(value).slice(0, 20), value]))("never throws on junk: %s", async (_label, value) => {
    const query = parseUnifiedQuery({ q: value, lieu: value, territoire: value, portee: value });
    expect(query.q.length).toBeLessThanOrEqual(200);
    const choice = await choosePlace(query.lieu, query.territoire);
    await expect(unifiedSearch(query.q, choice.place, query.portee)).resolves.toBeDefined();
  });

  it("keeps nonsense queries empty", async () => {
    const result = await unifiedSearch("qwxzv plorbtang", null, "tous");
    expect([result.initiatives.total, result.lessons.total, result.actors.total, result.sources.total]).toEqual([0, 0, 0, 0]);
  });

  // Sources are placed through a read model kept by triggers: edits show at once.
  it("places a source where the published initiatives citing it are, as they change", async () => {
    const MONTATAIRE = "60414";
    const place = { code: MONTATAIRE, name: "Montataire", kind: "COMMUNE" as const };
    const sources = async () => (await unifiedSearch("", place, "local")).sources.items.map((s) => s.slug);
    const source = await makeSource(prisma, { slug: "rapport-montataire", title: "Rapport" });
    const initiative = await makeInitiative(prisma, {
      slug: "citant-montataire",
      title: "Citant",
      status: "DRAFT",
      data: { sources: { create: [{ sourceId: source.id }] } },
    });
    await prisma.initiativeTerritory.create({ data: { initiativeId: initiative.id, territoryCode: MONTATAIRE } });
    expect(await sources()).not.toContain("rapport-montataire");
    await prisma.initiative.update({ where: { id: initiative.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect(await sources()).toContain("rapport-montataire");
    await prisma.initiativeTerritory.deleteMany({ where: { initiativeId: initiative.id } });
    expect(await sources()).not.toContain("rapport-montataire");
    await prisma.initiativeTerritory.create({ data: { initiativeId: initiative.id, territoryCode: MONTATAIRE } });
    await prisma.initiativeSource.deleteMany({ where: { initiativeId: initiative.id } });
    expect(await sources()).not.toContain("rapport-montataire");
  });
});
