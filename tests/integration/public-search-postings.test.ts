import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { CREIL, publicSearchFixture } from "../support/public-search";
import { makeInitiative } from "../support/factories";

const { db, search, slugs } = publicSearchFixture();

describe("frequent words (posting bitmaps)", () => {
  /** Words whose bitmap disagrees with what the full-text index finds (count or any match). */
  const driftingWords = () =>
    db.$queryRaw<{ value: string }[]>(Prisma.sql`
      SELECT f.value FROM "SearchFacet" f
      WHERE f.facet = '_mot' AND (
        COALESCE((SELECT sum(bit_count(p.bits)) FROM "SearchPosting" p WHERE p.token = f.id), 0)
          <> (SELECT count(*) FROM "InitiativeSearch" s WHERE s.document @@ quote_literal(f.value)::tsquery)
        OR EXISTS (SELECT 1 FROM "InitiativeSearch" s
                   LEFT JOIN "SearchPosting" p ON p.token = f.id AND p.chunk = s."initiativeId" >> 16
                   WHERE s.document @@ quote_literal(f.value)::tsquery
                     AND COALESCE(get_bit(p.bits, s."initiativeId" & 65535), 0) = 0))`);
  const fullTextTotal = async (q: string) =>
    (
      await db.$queryRaw<{ n: number }[]>(Prisma.sql`
      SELECT count(*)::int AS n FROM "InitiativeSearch" s WHERE s.document @@ websearch_to_tsquery('french_unaccent', ${q})`)
    )[0]!.n;

  it("bitmaps stay equal to the full-text index through edits, and searches through them find the same", async () => {
    // Every word found in two initiatives or more becomes a frequent word of this small base.
    await db.$executeRaw`SELECT reperes_search_rebuild(2)`;
    const frequent = await db.$queryRaw<{ word: string }[]>(Prisma.sql`
      SELECT w.word FROM "SearchWord" w JOIN "SearchFacet" f
        ON f.facet = '_mot' AND websearch_to_tsquery('french_unaccent', w.word)::text = quote_literal(f.value)
      ORDER BY (SELECT sum(bit_count(p.bits)) FROM "SearchPosting" p WHERE p.token = f.id) DESC, w.word LIMIT 3`);
    expect(frequent.length).toBe(3);
    const [first, second, third] = frequent.map((row) => row.word);
    expect(await driftingWords()).toEqual([]);

    await makeInitiative(db, { slug: "mots-frequents", title: `Un ${first} et un ${third} à Creil`, places: [CREIL] });
    await db.initiative.update({ where: { slug: "permanence-juridique-creil" }, data: { title: `Permanence ${second} à Creil` } });
    await db.initiative.update({ where: { slug: "testing-logement-montataire" }, data: { deletedAt: new Date() } });
    expect(await driftingWords()).toEqual([]);

    for (const q of [
      first!,
      `${first} ${second}`,
      `${first} or ${third}`,
      `${second} ${first} or ${third}`,
      `${first} Montataire`,
      `"${first} ${third}"`,
    ]) {
      // Place names stay words here: the bitmaps are compared with the full-text index alone.
      // A query that finds nothing as a whole shows partial matches instead, and says so.
      const result = await search(`q=${encodeURIComponent(q)}&interpreter=non`);
      const expected = await fullTextTotal(q);
      if (expected === 0) expect({ q, dropped: result.droppedWords !== undefined || result.total === 0 }).toEqual({ q, dropped: true });
      else expect({ q, total: result.total }).toEqual({ q, total: expected });
    }
    expect(await slugs(`q=${encodeURIComponent(`${first} ${third}`)}`)).toContain("mots-frequents");

    await db.initiative.update({ where: { slug: "testing-logement-montataire" }, data: { deletedAt: null } });
    await db.initiative.delete({ where: { slug: "mots-frequents" } });
    await db.$executeRaw`SELECT reperes_search_rebuild()`;
    expect(await db.searchFacet.count({ where: { facet: "_mot" } })).toBe(0);
  });
});
