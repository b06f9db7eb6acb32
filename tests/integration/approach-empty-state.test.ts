import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { lessonsOfApproaches, relatedApproaches } from "@/lib/public/catalogue";
import { makeInitiative, makeLesson } from "../support/factories";

const db = createPrismaClient();
const approachId = async (slug: string) => (await db.approach.findUniqueOrThrow({ where: { slug } })).id;

beforeAll(async () => {
  await makeInitiative(db, {
    slug: "plan-territorial",
    title: "Plan territorial",
    approaches: ["pilotage-plan-territorial", "formation-professionnels", "observation-diagnostic"],
  });
  // A draft using mediation with testing: it must not make them related on public pages.
  await makeInitiative(db, {
    slug: "brouillon-mediation-testing",
    title: "Brouillon de médiation",
    status: "DRAFT",
    approaches: ["mediation", "testing"],
  });
  // One lesson under two approaches: offered once for both.
  await makeLesson(db, { slug: "complementarite-juridique-psychosocial", approaches: ["acces-au-droit", "accompagnement-psychosocial"] });
});

describe("what an approach page suggests when it has no initiative", () => {
  it("names the approaches used together with it on public initiatives and lessons, most often first", async () => {
    // The public plan combines it with formation-professionnels and observation-diagnostic.
    const related = await relatedApproaches(await approachId("pilotage-plan-territorial"));
    expect(related.usedTogether).toBe(true);
    expect(related.approaches.map((a) => a.slug)).toEqual(expect.arrayContaining(["formation-professionnels", "observation-diagnostic"]));
    expect(related.approaches.map((a) => a.slug)).not.toContain("pilotage-plan-territorial");
  });

  it("falls back to the approaches with the most public initiatives, ignoring drafts", async () => {
    const related = await relatedApproaches(await approachId("mediation"));
    expect(related.usedTogether).toBe(false);
    expect(related.approaches.length).toBeGreaterThan(0);
    expect(related.approaches.every((a) => a.initiativeCount > 0)).toBe(true);
    expect(related.approaches.map((a) => a.slug)).not.toContain("testing");
    expect(related.approaches.map((a) => a.slug)).not.toContain("mediation");
  });

  it("offers the public lessons of those approaches, each once", async () => {
    const ids = await Promise.all(["acces-au-droit", "accompagnement-psychosocial"].map(approachId));
    const lessons = await lessonsOfApproaches(ids);
    const slugs = lessons.map((l) => l.lesson.slug);
    expect(slugs).toContain("complementarite-juridique-psychosocial");
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});
