import type { Prisma } from "@/lib/db/generated/client";
import { byVocabulary, type VocabularyRelation } from "./registry";

/** Prisma's nested creates of an initiative's vocabulary links, from the chosen ids of each vocabulary. */
export function vocabularyLinksCreate(
  ids: Record<VocabularyRelation, number[]>,
): Pick<Prisma.InitiativeUncheckedCreateInput, VocabularyRelation> {
  // The registry names each link column; Prisma's types cannot follow a computed key.
  return byVocabulary("relation", (v) => ({ create: ids[v.relation].map((id) => ({ [v.linkKey]: id })) })) as unknown as Pick<
    Prisma.InitiativeUncheckedCreateInput,
    VocabularyRelation
  >;
}
