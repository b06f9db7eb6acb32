import "server-only";
import { prisma } from "@/lib/db/client";
import { vocabularyOptions } from "@/lib/editorial/entities/options";
import type { Option } from "@/lib/editorial/form-values";
import { VOCABULARIES } from "@/lib/vocabularies/registry";

const approaches = VOCABULARIES.find((vocabulary) => vocabulary.facet === "approche")!.relation;

/** The approaches a visitor may tick on « Proposer une initiative » (the editors' list, trashed ones left out). */
export async function approachChoices(): Promise<Option[]> {
  return (await vocabularyOptions(prisma))[approaches] ?? [];
}
