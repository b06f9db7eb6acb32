/**
 * The values every facet of the search page lists, with their French labels, whatever their
 * count: the vocabularies in their editorial order, the territories shown, the years present.
 */
import { queryRows } from "@/lib/db/raw";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { actorKindLabels, progressLabels } from "@/lib/format/labels";
import { actorKindParams, FILTER_KEYS, type FilterKey } from "./query";
import { VOCABULARIES, type VocabularyFacet } from "@/lib/vocabularies/registry";
import { vocabularyEntriesSql } from "@/lib/vocabularies/sql";
import { type TerritoryDisplay, territoryDisplaySql } from "./territory-display";

/** Labels of the vocabularies, in their editorial order (small tables: one query). */
function vocabularySql(): Prisma.Sql {
  return Prisma.sql`${vocabularyEntriesSql(VOCABULARIES, () => Prisma.sql`"deletedAt" IS NULL`)} ORDER BY facet, position, label`;
}

export type FacetCatalogue = Record<FilterKey, { value: string; label: string }[]>;

/** Every facet without a value: what a search without facets (SearchOptions.facets) lists. */
export function emptyCatalogue(): FacetCatalogue {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, [] as FacetCatalogue[FilterKey]])) as FacetCatalogue;
}

/** The values every facet shows, with their labels, whatever their count. */
export async function facetCatalogue(db: Database, display: TerritoryDisplay): Promise<FacetCatalogue> {
  const [vocabulary, territories, years] = await Promise.all([
    queryRows<{ facet: VocabularyFacet; value: string; label: string }>(db, vocabularySql()),
    queryRows<{ code: string; name: string }>(
      db,
      Prisma.sql`
      SELECT code, name FROM "Territory" WHERE code IN (${territoryDisplaySql(display)}) ORDER BY kind, name`,
    ),
    queryRows<{ value: string }>(
      db,
      Prisma.sql`
      SELECT value FROM "SearchFacet" WHERE facet = 'annee' ORDER BY value DESC`,
    ),
  ]);
  const catalogue = emptyCatalogue();
  for (const row of vocabulary) catalogue[row.facet].push({ value: row.value, label: row.label });
  catalogue.territoire = territories.map((t) => ({ value: t.code, label: t.name }));
  catalogue.acteur = Object.entries(actorKindParams).map(([value, kind]) => ({ value, label: actorKindLabels[kind] }));
  catalogue.statut = Object.entries(progressLabels).map(([value, label]) => ({ value, label }));
  catalogue.annee = years.map(({ value }) => ({ value, label: value }));
  return catalogue;
}
