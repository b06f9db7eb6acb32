"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/admin/form-state";
import { adminAction } from "@/lib/admin/guarded-action";
import * as moderation from "@/lib/proposals/moderation";
import { recordId } from "@/lib/validation/integer";
import { formText } from "@/lib/validation/text";

const target = z.object({ id: recordId });

const decisionMessage = (required: boolean) =>
  formText("Le message", { multiline: true })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(required ? 5 : 0, "Écrivez en quelques mots pourquoi la proposition est déclinée (5 caractères au moins).")
        .max(2000, "Le message ne peut pas dépasser 2 000 caractères."),
    );

function fromOutcome(outcome: moderation.ModerationOutcome): FormState {
  if (outcome.ok && outcome.href) redirect(outcome.href);
  return outcome.ok ? { status: "ok", message: outcome.message } : { status: "error", message: outcome.message };
}

export const assignProposalToMe = adminAction({ role: "EDITOR", schema: target }, async ({ user, input, ip, db }) =>
  fromOutcome(await moderation.assignProposalToMe(db, user, input.id, ip)),
);

export const declineProposal = adminAction(
  { role: "EDITOR", schema: target.extend({ reason: decisionMessage(true) }) },
  async ({ user, input, ip, db }) => fromOutcome(await moderation.declineProposal(db, user, input.id, input.reason, ip)),
);

export const acceptProposal = adminAction(
  { role: "EDITOR", schema: target.extend({ note: decisionMessage(false).optional() }) },
  async ({ user, input, ip, db }) => fromOutcome(await moderation.acceptProposal(db, user, input.id, input.note || null, ip)),
);
