import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { byVocabulary, VOCABULARIES, type VocabularyFacet } from "@/lib/vocabularies/registry";
import { vocabularyEntriesSql } from "@/lib/vocabularies/sql";
import type { OptionLists } from "../form-values";

/** The controlled vocabularies as option lists keyed by the initiative's field (trashed entries left out). */
export async function vocabularyOptions(db: Database): Promise<OptionLists> {
  const rows = await db.$queryRaw<{ facet: VocabularyFacet; id: number; label: string }[]>(Prisma.sql`
    SELECT e.facet, e.id, e.label FROM (${vocabularyEntriesSql(VOCABULARIES, () => Prisma.sql`"deletedAt" IS NULL`)}) e
    ORDER BY e.position, e.label`);
  return byVocabulary("relation", (vocabulary) =>
    rows.filter((row) => row.facet === vocabulary.facet).map((row) => ({ value: String(row.id), label: row.label })),
  );
}
