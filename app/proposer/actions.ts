"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/admin/guarded-action";
import { entryPublicPath } from "@/lib/proposals/entries";
import { receiveCorrection, receiveProposal, type IntakeOutcome } from "@/lib/proposals/intake";
import { correctionSchema, proposalFormFields, proposalSchema } from "@/lib/proposals/schema";

/** A refused submission keeps the form on screen with the reason; a stored one goes to the thanks page. */
function answer(outcome: IntakeOutcome, thanks: string) {
  if (!outcome.ok) return { status: "error" as const, message: outcome.message };
  redirect(thanks);
}

/** Open to anyone on purpose: the checks against abuse are in receiveProposal. */
export const sendProposal = publicAction({ schema: proposalSchema, fields: proposalFormFields }, async ({ input, ip, db }) =>
  answer(await receiveProposal(db, input, ip), "/proposer/merci"),
);

export const sendCorrection = publicAction({ schema: correctionSchema }, async ({ input, ip, db }) =>
  // Both parts of the entry's path are checked by the schema: nothing to escape.
  answer(
    await receiveCorrection(db, input, ip),
    `/proposer/merci?fiche=${entryPublicPath({ kind: input.entry, slug: input.slug }).slice(1)}`,
  ),
);
