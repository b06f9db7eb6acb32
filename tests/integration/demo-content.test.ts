import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { loadDemoContent } from "@/lib/demo/load";

const db = createPrismaClient();

describe("demo content (IREV synthesis of 12 December 2023)", () => {
  it("loads IREV, the four actors, the four initiatives, the day, its synthesis and its lessons", async () => {
    expect(await loadDemoContent(db)).toBe(true);
    expect(await db.actor.count({ where: { status: "PUBLISHED" } })).toBe(5);
    expect(await db.initiative.count({ where: { status: "PUBLISHED" } })).toBe(4);
    expect(await db.lesson.count({ where: { status: "PUBLISHED" } })).toBeGreaterThanOrEqual(5);

    const acso = await db.initiative.findUniqueOrThrow({
      where: { slug: "plan-territorial-lutte-discriminations-acso" },
      include: { territories: true, approaches: { include: { approach: true } }, actors: { include: { actor: true } } },
    });
    expect(acso.territories.map((t) => t.territoryCode)).toEqual(["200068047"]);
    expect(acso.approaches.map((a) => a.approach.slug)).toContain("formation-professionnels");
    expect(acso.actors[0]).toMatchObject({ role: "LEAD", actor: { acronym: "ACSO" } });

    const synthesis = await db.source.findUniqueOrThrow({
      where: { slug: "synthese-lcd-pouvoir-d-agir-2024" },
      include: { event: true, lessons: true },
    });
    expect(synthesis.event?.date?.toISOString().slice(0, 10)).toBe("2023-12-12");
    expect(synthesis.lessons.length).toBeGreaterThanOrEqual(5);
  });

  it("does nothing when the base already has content", async () => {
    const before = await db.initiative.count();
    expect(await loadDemoContent(db)).toBe(before === 0);
    expect(await loadDemoContent(db)).toBe(false);
    expect(await db.initiative.count()).toBe(4);
  });

  it("fills the full-text search vector of initiatives", async () => {
    const rows = await db.$queryRawUnsafe<{ slug: string }[]>(
      `SELECT slug FROM "Initiative" WHERE "searchVector" @@ websearch_to_tsquery('french_unaccent', 'egalite')`,
    );
    expect(rows.map((r) => r.slug)).toContain("ambassadeurs-de-l-egalite-roubaix");
  });
});
