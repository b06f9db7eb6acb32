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

  it("a rebuild writes each search row once, with the frequent words an edit's refresh gives it", async () => {
    const rows = (tx: Prisma.TransactionClient) =>
      tx.$queryRaw<{ rows: string }[]>(Prisma.sql`
        SELECT string_agg(concat_ws('|', "initiativeId", document::text, facets::text, "publishedAt", "sortTitle"), E'\n' ORDER BY "initiativeId") AS rows
        FROM "InitiativeSearch"`);
    await db.$transaction(async (tx) => {
      // The transaction's own row counts, before and after: PostgreSQL 15 also shows there what
      // the same connection wrote in earlier transactions and has not yet reported.
      const counts = async () =>
        (
          await tx.$queryRaw<{ inserted: number; updated: number; deleted: number }[]>(Prisma.sql`
            SELECT n_tup_ins::int AS inserted, n_tup_upd::int AS updated, n_tup_del::int AS deleted
            FROM pg_stat_xact_user_tables WHERE relid = '"InitiativeSearch"'::regclass`)
        )[0]!;
      const before = await counts();
      await tx.$executeRaw`SELECT reperes_search_rebuild(2)`;
      const after = await counts();
      const total = (await tx.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM "InitiativeSearch"`))[0]!.total;
      // One insert per row and no update (the frequent words were once added by an UPDATE of
      // every row, leaving as many dead row versions); the TRUNCATE deletes nothing row by row.
      expect(total).toBeGreaterThan(2);
      expect({
        inserted: after.inserted - before.inserted,
        updated: after.updated - before.updated,
        deleted: after.deleted - before.deleted,
      }).toEqual({
        inserted: total,
        updated: 0,
        deleted: 0,
      });
      expect(await tx.searchFacet.count({ where: { facet: "_mot" } })).toBeGreaterThan(10);

      // The rebuild chose the frequent words while writing; an edit's refresh reads them from the
      // dictionary. Both must write the same rows.
      const rebuilt = await rows(tx);
      await tx.$executeRaw`SELECT reperes_search_refresh(ARRAY(SELECT "initiativeId" FROM "InitiativeSearch"))`;
      expect(await rows(tx)).toEqual(rebuilt);
    });
    await db.$executeRaw`SELECT reperes_search_rebuild()`;
  });
});

describe("facet filters through the GIN index", () => {
  it("compares int[] with PostgreSQL's own operators, which the index serves (intarray stays in its own schema)", async () => {
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT s."initiativeId" FROM "InitiativeSearch" s WHERE s.facets && ARRAY[1, 2] AND s.facets @> ARRAY[1]`,
      );
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("InitiativeSearch_facets_idx");
    expect(text).not.toMatch(/Seq Scan/);
  });
});
