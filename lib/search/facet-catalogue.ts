/**
 * The values every facet of the search page lists, with their French labels, whatever their
 * count: the vocabularies in their editorial order, the territories shown, the years present.
 */
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { actorKindLabels, progressLabels } from "@/lib/format/labels";
import { actorKindParams, FILTER_KEYS, type FilterKey } from "./query";
import { type TerritoryDisplay, territoryDisplaySql } from "./territory-display";

type Vocabulary = Exclude<FilterKey, "territoire" | "acteur" | "statut" | "annee">;
const vocabularyTables: Record<Vocabulary, string> = {
  approche: "Approach",
  theme: "Theme",
  critere: "DiscriminationCriterion",
  domaine: "Domain",
  public: "Public",
};

/** Labels of the vocabularies, in their editorial order (small tables: one query). */
function vocabularySql(): Prisma.Sql {
  const parts = Object.entries(vocabularyTables).map(
    ([facet, table]) =>
      Prisma.sql`SELECT ${facet}::text AS facet, slug AS value, label, position FROM ${Prisma.raw(`"${table}"`)} WHERE "deletedAt" IS NULL`,
  );
  return Prisma.sql`${Prisma.join(parts, " UNION ALL ")} ORDER BY facet, position, label`;
}

/** The values every facet shows, with their labels, whatever their count. */
export async function facetCatalogue(db: Database, display: TerritoryDisplay) {
  const [vocabulary, territories, years] = await Promise.all([
    db.$queryRaw<{ facet: Vocabulary; value: string; label: string }[]>(vocabularySql()),
    db.$queryRaw<{ code: string; name: string }[]>(Prisma.sql`
      SELECT code, name FROM "Territory" WHERE code IN (${territoryDisplaySql(display)}) ORDER BY kind, name`),
    db.$queryRaw<{ value: string }[]>(Prisma.sql`
      SELECT value FROM "SearchFacet" WHERE facet = 'annee' ORDER BY value DESC`),
  ]);
  const catalogue = Object.fromEntries(FILTER_KEYS.map((key) => [key, [] as { value: string; label: string }[]])) as Record<
    FilterKey,
    { value: string; label: string }[]
  >;
  for (const row of vocabulary) catalogue[row.facet].push({ value: row.value, label: row.label });
  catalogue.territoire = territories.map((t) => ({ value: t.code, label: t.name }));
  catalogue.acteur = Object.entries(actorKindParams).map(([value, kind]) => ({ value, label: actorKindLabels[kind] }));
  catalogue.statut = Object.entries(progressLabels).map(([value, label]) => ({ value, label }));
  catalogue.annee = years.map(({ value }) => ({ value, label: value }));
  return catalogue;
}
