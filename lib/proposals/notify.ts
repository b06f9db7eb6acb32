import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The proposer's acknowledgement and the moderators' « nouvelle proposition » message. A no-op
 * today: wired to the mail queue when lib/mail lands, by enqueueing inside `tx`, so that a
 * proposal and its message are stored together or not at all.
 */
export async function notifyProposalReceived(_tx: Prisma.TransactionClient, _proposalId: number): Promise<void> {}

/**
 * The decision (accepted or declined, with the moderator's message) sent to the proposer. A
 * no-op today: wired to the mail queue when lib/mail lands, enqueued inside `tx` like the above.
 */
export async function notifyProposalDecided(_tx: Prisma.TransactionClient, _proposalId: number): Promise<void> {}
