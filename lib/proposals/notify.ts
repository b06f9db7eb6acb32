/**
 * The messages of a proposal, queued in the transaction that stores or decides it (ADR 012):
 * they leave only if that committed.
 */
import type { Prisma } from "@/lib/db/generated/client";
import { newProposalMail, proposalDecidedMail, proposalReceivedMail } from "@/lib/mail/messages/proposals";
import { receives } from "@/lib/mail/preferences";
import { enqueueMail } from "@/lib/mail/queue";
import { absoluteUrl, siteUrl } from "@/lib/opendata/site";
import { CORRECTION_ENTRY_INCLUDE, correctionEntry } from "./entries";
import { proposalKindLabels } from "./labels";

type Tx = Prisma.TransactionClient;

/** How the proposer's messages name what they sent: the initiative's name, or the entry (initiative, actor, lesson) a correction is about. */
async function proposalSubject(tx: Tx, proposalId: number) {
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: { kind: true, title: true, proposerEmail: true, status: true, decisionMessage: true, ...CORRECTION_ENTRY_INCLUDE },
  });
  const entry = correctionEntry(proposal);
  const subject =
    proposal.kind === "NEW" ? `proposition « ${proposal.title} »` : `correction de la fiche « ${entry?.title ?? "supprimée depuis"} »`;
  return { ...proposal, entry, subject };
}

/** The proposer's acknowledgement, and « nouvelle proposition » to every active editor and admin who wants it. */
export async function notifyProposalReceived(tx: Tx, proposalId: number): Promise<void> {
  const proposal = await proposalSubject(tx, proposalId);
  await enqueueMail(tx, proposal.proposerEmail, proposalReceivedMail({ subject: proposal.subject }), siteUrl());
  const moderators = await tx.user.findMany({
    where: { role: { in: ["EDITOR", "ADMIN"] }, disabled: false, ...receives("new_proposal") },
    select: { email: true },
  });
  const mail = newProposalMail({
    kind: proposalKindLabels[proposal.kind],
    entry: proposal.entry?.title ?? null,
    adminUrl: absoluteUrl(`/admin/propositions/${proposalId}`),
  });
  for (const moderator of moderators) await enqueueMail(tx, moderator.email, mail, siteUrl());
}

/** The decision, with the moderator's message, to the proposer. */
export async function notifyProposalDecided(tx: Tx, proposalId: number): Promise<void> {
  const proposal = await proposalSubject(tx, proposalId);
  const mail = proposalDecidedMail({
    subject: proposal.subject,
    accepted: proposal.status === "ACCEPTED",
    message: proposal.decisionMessage,
  });
  await enqueueMail(tx, proposal.proposerEmail, mail, siteUrl());
}
