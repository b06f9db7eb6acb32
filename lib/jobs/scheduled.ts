/**
 * The jobs pg-boss starts on a schedule, in whichever server process its cron check picks
 * (lib/mail/worker.ts; ADR 017). Each is idempotent, so a retry or a missed run does no harm:
 * the digest window runs from the previous digest, and a sweep deletes what is past its date.
 */
import "server-only";
import { env } from "@/lib/config/env";
import { prisma } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";
import { logger } from "@/lib/log/logger";
import type { ScheduledJob } from "@/lib/mail/worker";
import { deleteExpiredProposals } from "@/lib/proposals/retention";
import { sweepSearchInsights } from "@/lib/search/insights";
import { sendDigests } from "@/lib/subscriptions/digest";
import { deleteUnconfirmedSubscriptions } from "@/lib/subscriptions/subscriptions";

export const DIGEST_JOB = "lettre-hebdomadaire";
export const RETENTION_JOB = "conservation";

/**
 * Every retention rule that is a date: search insights (24 months, ADR 015), decided proposals
 * (12 months, ADR 013), subscription requests never confirmed (48 hours, ADR 017).
 */
export async function runRetentionSweeps(db: Database, now = new Date()) {
  const deleted = {
    searchInsights: await sweepSearchInsights(db, now),
    proposals: await deleteExpiredProposals(db, now),
    unconfirmedSubscriptions: await deleteUnconfirmedSubscriptions(db, now),
  };
  logger().info(deleted, "conservation : données échues supprimées");
  return deleted;
}

export async function runDigests(db: Database, now = new Date()) {
  const sent = await sendDigests(db, now);
  logger().info({ sent }, "lettre hebdomadaire des sélections suivies");
  return sent;
}

export function scheduledJobs(): ScheduledJob[] {
  return [
    // By default Mondays at 7:00, French time: read at the start of the working week.
    { name: DIGEST_JOB, cron: env().REPERES_DIGEST_CRON, run: async () => void (await runDigests(prisma)) },
    // Every night at 3:15, away from the busy hours.
    { name: RETENTION_JOB, cron: "15 3 * * *", run: async () => void (await runRetentionSweeps(prisma)) },
  ];
}
