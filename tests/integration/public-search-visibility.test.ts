import { describe, expect, it } from "vitest";
import type pg from "pg";
import { Prisma } from "@/lib/db/generated/client";
import { RAW_POOL } from "@/lib/db/raw";
import { parseSearchQuery } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import { publicSearchFixture, ROUBAIX } from "../support/public-search";

const { db, search, slugs } = publicSearchFixture();

describe("only published, non-deleted initiatives", () => {
  it("drafts and trashed entries are found nowhere, and never counted", async () => {
    const all = await search("q=egalite Roubaix&portee=local", 100);
    expect(all.items.map((i) => i.slug)).toEqual(["ambassadeurs-de-l-egalite-roubaix"]);
    expect((await search(`territoire=${ROUBAIX}&portee=local`)).facets.territoire.find((t) => t.value === ROUBAIX)?.count).toBe(1);
    expect((await search("")).total).toBe(6);
  });

  it("an edit is visible at the next request: publish, unpublish, trash, link", async () => {
    await db.initiative.update({ where: { slug: "brouillon-roubaix" }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect(await slugs(`territoire=${ROUBAIX}`)).toContain("brouillon-roubaix");
    expect((await search("approche=testing")).total).toBe(1);

    const testing = await db.approach.findUniqueOrThrow({ where: { slug: "testing" } });
    const draft = await db.initiative.findUniqueOrThrow({ where: { slug: "brouillon-roubaix" } });
    await db.initiativeApproach.create({ data: { initiativeId: draft.id, approachId: testing.id } });
    expect((await search("approche=testing")).total).toBe(2);

    await db.initiative.update({ where: { slug: "brouillon-roubaix" }, data: { deletedAt: new Date() } });
    expect(await slugs(`territoire=${ROUBAIX}`)).not.toContain("brouillon-roubaix");
    expect((await search("approche=testing")).total).toBe(1);
    await db.initiative.update({ where: { slug: "brouillon-roubaix" }, data: { deletedAt: null, status: "DRAFT" } });
    expect((await search("")).total).toBe(6);
  });

  it("answers a repeated search from its cache, counts a repeated filter state once, and computes again after any edit", async () => {
    // Search statements run on the client's pool (lib/db/raw.ts): count the pool's queries.
    let statements = 0;
    const pool = Reflect.get(db, RAW_POOL) as unknown as pg.Pool;
    const countingPool = new Proxy(pool, {
      get: (target, property) =>
        property === "query"
          ? (...args: unknown[]) => (statements++, Reflect.apply(target.query, target, args))
          : Reflect.get(target, property),
    });
    const counting = new Proxy(db, {
      get: (target, property) => (property === RAW_POOL ? countingPool : Reflect.get(target, property)),
    });
    const run = async (params: string) => {
      statements = 0;
      const result = await searchInitiatives(counting, parseSearchQuery(new URLSearchParams(params)));
      return { total: result.total, statements };
    };
    // Place names are read once per search version (lib/search/place-words.ts): read them first.
    await run("q=zéphyrin");
    const first = await run("q=zéphyrin&approche=testing");
    expect(first.total).toBe(0);
    // The same search: only the version is read.
    expect(await run("approche=testing&q=zéphyrin")).toEqual({ total: 0, statements: 1 });
    // Another page of the same filter state: computed, but without the count statement.
    expect(await run("q=zéphyrin&approche=testing&page=2")).toEqual({ total: 0, statements: first.statements - 1 });

    // A title edit changes no facet, only the text: the next request still counts again.
    const montataire = await db.initiative.findUniqueOrThrow({ where: { slug: "testing-logement-montataire" } });
    await db.initiative.update({ where: { id: montataire.id }, data: { title: `${montataire.title} avec Zéphyrin` } });
    expect((await run("q=zéphyrin&approche=testing")).total).toBe(1);
    await db.initiative.update({ where: { id: montataire.id }, data: { title: montataire.title } });
    expect((await run("q=zéphyrin&approche=testing")).total).toBe(0);
  });

  it("shows a renamed vocabulary value or territory at the next request", async () => {
    const label = async (params: string, key: "approche" | "territoire", value: string) =>
      (await search(params)).facets[key].find((entry) => entry.value === value)?.label;
    expect(await label("", "approche", "testing")).not.toBe("Tests de situation");
    const original = await db.approach.findUniqueOrThrow({ where: { slug: "testing" } });
    await db.approach.update({ where: { id: original.id }, data: { label: "Tests de situation" } });
    expect(await label("", "approche", "testing")).toBe("Tests de situation");
    const hit = (await search("approche=testing")).items[0]!;
    expect(hit.approaches.map((a) => a.label)).toContain("Tests de situation");

    const roubaix = await db.territory.findUniqueOrThrow({ where: { code: ROUBAIX } });
    await db.territory.update({ where: { code: ROUBAIX }, data: { name: "Roubaix (ville)" } });
    expect((await search(`territoire=${ROUBAIX}`)).items[0]!.territories.map((t) => t.name)).toContain("Roubaix (ville)");
    await db.territory.update({ where: { code: ROUBAIX }, data: { name: roubaix.name } });
    await db.approach.update({ where: { id: original.id }, data: { label: original.label } });
  });

  it("bumps the search version inside the editing transaction, visible to others at commit", async () => {
    const version = async (client: { $queryRaw: typeof db.$queryRaw }) =>
      (await client.$queryRaw<{ version: bigint }[]>`SELECT version FROM "SearchVersion" WHERE id = 1`)[0]!.version;
    const before = await version(db);
    let inside = 0n;
    let outside = 0n;
    await db.$transaction(async (tx) => {
      await tx.initiative.update({ where: { slug: "testing-logement-montataire" }, data: { summary: "Résumé revu." } });
      inside = await version(tx);
      outside = await version(db);
    });
    expect(inside).toBeGreaterThan(before);
    expect(outside).toBe(before);
    expect(await version(db)).toBe(inside);
  });

  it("an actor taken offline leaves the search text and the actor-kind counts", async () => {
    expect(await slugs("q=Kif")).toContain("permanences-ecoute-kif-kif");
    await db.actor.update({ where: { slug: "collectif-kif-kif" }, data: { status: "DRAFT" } });
    expect((await search("acteur=association")).total).toBe(0);
    await db.actor.update({ where: { slug: "collectif-kif-kif" }, data: { status: "PUBLISHED" } });
    expect((await search("acteur=association")).total).toBe(1);
  });

  it("the incremental read model equals a full rebuild", async () => {
    const snapshot = () =>
      db.$queryRaw<{ rows: string; postings: string }[]>(Prisma.sql`
        SELECT (SELECT string_agg(concat_ws('|', "initiativeId", document::text, facets::text, "sortTitle"), E'\n' ORDER BY "initiativeId") FROM "InitiativeSearch") AS rows,
               (SELECT string_agg(concat_ws('|', token, chunk, bit_count(bits), md5(bits::text)), E'\n' ORDER BY token, chunk)
                  FROM "SearchPosting" WHERE bit_count(bits) > 0) AS postings`);
    const before = await snapshot();
    await db.$executeRaw`SELECT reperes_search_rebuild()`;
    expect(await snapshot()).toEqual(before);
  });
});
