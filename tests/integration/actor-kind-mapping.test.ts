import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { ActorKind } from "@/lib/db/generated/enums";
import { actorKindParams } from "@/lib/search/query";

const db = createPrismaClient();

// The search read model spells each actor kind as its URL value in SQL (reperes_search_pairs);
// the query string is read with actorKindParams in TypeScript. The two must agree on every kind,
// or a filter « type d'acteur » silently finds nothing.
describe("actor kinds in the search read model", () => {
  it("writes every kind as the URL value that the query string reads back", async () => {
    const initiative = await db.initiative.create({ data: { slug: "tous-les-types", title: "Tous les types d'acteurs", summary: "." } });
    const actor = await db.actor.create({ data: { slug: "acteur-de-chaque-type", name: "Acteur", kind: "OTHER", status: "PUBLISHED" } });
    await db.initiativeActor.create({ data: { initiativeId: initiative.id, actorId: actor.id, role: "LEAD" } });
    const written: Record<string, string[]> = {};
    for (const kind of Object.values(ActorKind)) {
      await db.actor.update({ where: { id: actor.id }, data: { kind } });
      const rows = await db.$queryRaw<
        { value: string }[]
      >`SELECT value FROM reperes_search_pairs(ARRAY[${initiative.id}]::int[]) WHERE facet = 'acteur'`;
      written[kind] = rows.map((row) => row.value);
    }
    const expected = Object.fromEntries(Object.entries(actorKindParams).map(([param, kind]) => [kind, [param]]));
    expect(written).toEqual(expected);
    expect(Object.keys(expected).sort()).toEqual(Object.values(ActorKind).sort());
  });
});
