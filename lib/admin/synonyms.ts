import "server-only";
import { z } from "zod";
import { formLines, formText } from "@/lib/validation/text";
import { recordId, recordVersion } from "@/lib/validation/integer";
import { recordAudit } from "@/lib/audit/log";
import { requireUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";

/**
 * The field synonyms of the search (SearchSynonym), edited by staff: a group of terms that mean
 * the same to a practitioner. Every change bumps the search version (trigger), so cached
 * results follow at the next request.
 */
export async function listSynonymGroups() {
  await requireUser("CONTRIBUTOR");
  return prisma.searchSynonym.findMany({
    where: { deletedAt: null },
    orderBy: { id: "asc" },
    select: { id: true, terms: true, source: true, version: true },
  });
}

const term = z
  .string()
  .max(100, "Un terme ne peut pas dépasser 100 caractères.")
  // A term is searched word by word: it needs at least one letter or digit.
  .refine((value) => /[\p{L}\p{N}]/u.test(value), "Un terme doit contenir au moins une lettre ou un chiffre.");

export const synonymGroupSchema = z.object({
  id: z.union([z.literal(""), recordId]).transform((value) => (value === "" ? undefined : value)),
  version: recordVersion,
  terms: formLines("Les termes", { maxLength: 3000, tooLong: "Trop de termes." }).pipe(
    z.array(term).min(2, "Indiquez au moins deux termes, un par ligne.").max(20, "Au plus 20 termes."),
  ),
  source: formText("La source")
    .trim()
    .pipe(z.string().min(3, "Indiquez la source de cette équivalence.").max(500, "La source ne peut pas dépasser 500 caractères.")),
  trash: z.literal("on").optional(),
});

export type SynonymOutcome = { ok: true; message: string } | { ok: false; message: string };

/** Creates, updates or trashes a group, with the same optimistic lock as records, and an audit line. */
export async function saveSynonymGroup(
  db: Database,
  user: Pick<SessionUser, "id">,
  input: z.infer<typeof synonymGroupSchema>,
  ip?: string,
): Promise<SynonymOutcome> {
  return db.$transaction(async (tx): Promise<SynonymOutcome> => {
    if (input.id === undefined) {
      const created = await tx.searchSynonym.create({ data: { terms: input.terms, source: input.source } });
      await recordAudit(tx, { userId: user.id, action: "synonym.created", entityId: created.id, details: { terms: input.terms }, ip });
      return { ok: true, message: "Groupe de synonymes ajouté." };
    }
    const before = await tx.searchSynonym.findFirst({ where: { id: input.id, deletedAt: null }, select: { terms: true, source: true } });
    if (!before) return { ok: false, message: "Ce groupe de synonymes n'existe plus." };
    const data = input.trash ? { deletedAt: new Date() } : { terms: input.terms, source: input.source };
    const updated = await tx.searchSynonym.updateMany({
      where: { id: input.id, version: input.version, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0)
      return { ok: false, message: "Quelqu'un a modifié ce groupe entre-temps : rechargez la page pour voir la version actuelle." };
    await recordAudit(tx, {
      userId: user.id,
      action: input.trash ? "synonym.deleted" : "synonym.updated",
      entityId: input.id,
      details: input.trash
        ? { terms: before.terms }
        : { terms: { from: before.terms, to: input.terms }, source: { from: before.source, to: input.source } },
      ip,
    });
    return { ok: true, message: input.trash ? "Groupe de synonymes retiré." : "Groupe de synonymes enregistré." };
  });
}
