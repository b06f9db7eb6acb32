/**
 * SQL identifiers of the vocabularies, built from the registry's constants only (never from
 * input), so that Prisma.raw is safe here and nowhere else needs to spell a table name.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { Vocabulary } from "./registry";

const identifier = (name: string) => {
  // The registry is code, but a typo there must not become SQL.
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`Identifiant SQL invalide dans le registre des vocabulaires : ${name}`);
  return Prisma.raw(`"${name}"`);
};

/** `"Approach"`, `"Theme"`, … */
export const vocabularyTableSql = (vocabulary: Vocabulary) => identifier(vocabulary.table);
/** `"InitiativeApproach"`, … */
export const vocabularyLinkSql = (vocabulary: Vocabulary) => identifier(vocabulary.link);
/** `"approachId"`, … (column of the link table) */
export const vocabularyLinkKeySql = (vocabulary: Vocabulary) => identifier(vocabulary.linkKey);

/**
 * `facet, id, value (slug), label, position` of the entries of `vocabularies` (at least one) that
 * `where` keeps, in one statement (small tables).
 */
export function vocabularyEntriesSql(vocabularies: readonly Vocabulary[], where: (vocabulary: Vocabulary) => Prisma.Sql): Prisma.Sql {
  const parts = vocabularies.map(
    (vocabulary) =>
      Prisma.sql`SELECT ${vocabulary.facet}::text AS facet, id, slug AS value, label, position FROM ${vocabularyTableSql(vocabulary)} WHERE ${where(vocabulary)}`,
  );
  return Prisma.join(parts, " UNION ALL ");
}
