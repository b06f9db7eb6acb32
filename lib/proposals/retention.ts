import type { Database } from "@/lib/db/connect";

/** Months a decided proposal, and the proposer's data with it, is kept (the personal-data page says so). */
export const PROPOSAL_RETENTION_MONTHS = 12;

/**
 * Deletes the proposals decided more than `months` ago, proposer's name, e-mail and consents
 * with them. What an accepted proposal became is an initiative of its own, which keeps no link
 * back; its public contact (copied only with the proposer's consent) follows the initiatives'
 * rule. The journal's events name the proposal's number only. Returns how many were deleted.
 */
export async function deleteExpiredProposals(db: Database, now = new Date(), months = PROPOSAL_RETENTION_MONTHS): Promise<number> {
  const { count } = await db.proposal.deleteMany({ where: { decidedAt: { lt: retentionLimit(now, months) } } });
  return count;
}

/** Decisions taken before this are past their retention: the daily sweep deletes them, lists leave them out until then. */
export function retentionLimit(now = new Date(), months = PROPOSAL_RETENTION_MONTHS): Date {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return limit;
}
