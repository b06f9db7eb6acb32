import type { Database } from "@/lib/db/connect";

export const ACCOUNT_FAILURES_BEFORE_LOCK = 5;
const MAX_ACCOUNT_DELAY_MINUTES = 60;
export const IP_WINDOW_MINUTES = 15;
export const IP_MAX_FAILURES = 30;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * When sign-in for this e-mail or IP is refused until, or null. Counted from the attempts log by
 * e-mail, whether or not an account exists, so that a lockout reveals nothing about accounts.
 * After 5 consecutive failures: 1 minute, then 2, 4, 8... up to an hour.
 */
export async function signInBlockedUntil(db: Database, email: string, ip: string, now = new Date()): Promise<Date | null> {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, success: true, at: { gte: dayAgo } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const failures = await db.loginAttempt.findMany({
    where: { email, success: false, at: { gte: lastSuccess?.at ?? dayAgo } },
    orderBy: { at: "desc" },
    select: { at: true },
    take: 50,
  });
  let until: Date | null = null;
  if (failures.length >= ACCOUNT_FAILURES_BEFORE_LOCK) {
    const minutes = Math.min(MAX_ACCOUNT_DELAY_MINUTES, 2 ** (failures.length - ACCOUNT_FAILURES_BEFORE_LOCK));
    const candidate = new Date(failures[0]!.at.getTime() + minutes * 60_000);
    if (candidate > now) until = candidate;
  }

  const windowStart = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
  const ipFailures = await db.loginAttempt.findMany({
    where: { ip, success: false, at: { gte: windowStart } },
    orderBy: { at: "asc" },
    select: { at: true },
    take: IP_MAX_FAILURES,
  });
  if (ipFailures.length >= IP_MAX_FAILURES) {
    const ipUntil = new Date(ipFailures[0]!.at.getTime() + IP_WINDOW_MINUTES * 60_000);
    if (ipUntil > now && (!until || ipUntil > until)) until = ipUntil;
  }
  return until;
}

export async function recordSignInAttempt(db: Database, attempt: { email: string; ip: string; success: boolean; at: Date }) {
  await db.loginAttempt.create({ data: attempt });
}
