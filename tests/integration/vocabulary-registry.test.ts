import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { VOCABULARIES } from "@/lib/vocabularies/registry";

/**
 * The registry (lib/vocabularies/registry.ts) is the only list of vocabularies the code keeps;
 * a vocabulary added to the schema but not to it would be missing from search, map, API,
 * exports and forms without any other test noticing.
 */
describe("vocabulary registry", () => {
  it("lists every vocabulary table of the database (slug, label, position, deletedAt)", async () => {
    const rows = await prisma.$queryRaw<{ table: string }[]>`
      SELECT table_name AS table FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name IN ('slug', 'label', 'position', 'deletedAt')
      GROUP BY table_name HAVING count(*) = 4 ORDER BY table_name`;
    expect(rows.map((row) => row.table)).toEqual(VOCABULARIES.map((v) => v.table).sort());
  });

  it("names each vocabulary's link table and column as the foreign keys of the database do", async () => {
    const rows = await prisma.$queryRaw<{ link: string; column: string; target: string }[]>`
      SELECT src.relname AS link, a.attname AS column, dst.relname AS target
      FROM pg_constraint c
      JOIN pg_class src ON src.oid = c.conrelid
      JOIN pg_class dst ON dst.oid = c.confrelid
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND src.relnamespace = current_schema()::regnamespace
        AND dst.relname = ANY(${VOCABULARIES.map((v) => v.table)}::text[])
        AND EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = src.oid AND i.attname = 'initiativeId' AND NOT i.attisdropped)
      ORDER BY 1`;
    expect(rows).toEqual(
      VOCABULARIES.map((v) => ({ link: v.link, column: v.linkKey, target: v.table })).sort((a, b) => a.link.localeCompare(b.link)),
    );
  });

  it("names a Prisma delegate for each vocabulary", () => {
    for (const v of VOCABULARIES) {
      expect(typeof (prisma as unknown as Record<string, { findMany?: unknown }>)[v.model]?.findMany, v.model).toBe("function");
    }
  });

  it("matches the facets the search triggers write, and each vocabulary's edits bump the data version", async () => {
    const [pairs] = await prisma.$queryRaw<
      { source: string }[]
    >`SELECT prosrc AS source FROM pg_proc WHERE proname = 'reperes_search_pairs'`;
    const triggers = await prisma.$queryRaw<{ table: string; definition: string }[]>`
      SELECT c.relname AS table, pg_get_triggerdef(t.oid) AS definition
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal`;
    for (const v of VOCABULARIES) {
      expect(pairs!.source, v.facet).toContain(`'${v.facet}'`);
      expect(pairs!.source, v.link).toContain(`"${v.link}"`);
      const own = triggers.filter((t) => t.table === v.table).map((t) => t.definition);
      expect(
        own.some((d) => d.includes("FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump()")),
        v.table,
      ).toBe(true);
      // A renamed or trashed entry refreshes the initiatives that use it (the theme tree has its own function).
      expect(
        own.some((d) => d.includes("FOR EACH ROW") && d.includes("EXECUTE FUNCTION reperes_search_on_")),
        v.table,
      ).toBe(true);
    }
  });
});
