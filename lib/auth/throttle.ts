import type { Database, Queryable } from "@/lib/db/connect";

/** Consecutive failures for one account from one address before it waits: 1 minute, then 2, 4... up to an hour. */
export const ACCOUNT_FAILURES_BEFORE_LOCK = 5;
const MAX_ACCOUNT_DELAY_MINUTES = 60;
/** Failures for one account from every address together (a distributed guess): a slower limit. */
export const ACCOUNT_WINDOW_MINUTES = 60;
export const ACCOUNT_MAX_FAILURES = 50;
/** Failures from one address across accounts. */
export const IP_WINDOW_MINUTES = 15;
export const IP_MAX_FAILURES = 30;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

/** Until when this e-mail is refused from this address after its consecutive failures there, or null. */
async function pairBlockedUntil(db: Queryable, email: string, ip: string, now: Date): Promise<Date | null> {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, ip, success: true, at: { gte: dayAgo, lte: now } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const failures = await db.loginAttempt.findMany({
    where: { email, ip, success: false, at: { gte: lastSuccess?.at ?? dayAgo, lte: now } },
    orderBy: { at: "desc" },
    select: { at: true },
    take: 50,
  });
  if (failures.length < ACCOUNT_FAILURES_BEFORE_LOCK) return null;
  const until = minutesAfter(failures[0]!.at, Math.min(MAX_ACCOUNT_DELAY_MINUTES, 2 ** (failures.length - ACCOUNT_FAILURES_BEFORE_LOCK)));
  return until > now ? until : null;
}

/** Until when `where`'s failures fill the window `max` times over, or null. */
async function windowBlockedUntil(
  db: Queryable,
  where: { email: string } | { ip: string },
  windowMinutes: number,
  max: number,
  now: Date,
): Promise<Date | null> {
  const failures = await db.loginAttempt.findMany({
    where: { ...where, success: false, at: { gte: minutesAfter(now, -windowMinutes), lte: now } },
    orderBy: { at: "asc" },
    select: { at: true },
    take: max,
  });
  if (failures.length < max) return null;
  const until = minutesAfter(failures[0]!.at, windowMinutes);
  return until > now ? until : null;
}

/**
 * When sign-in for this e-mail from this address is refused until, or null. Locks are per
 * (e-mail, address), so that someone guessing from elsewhere cannot keep the owner out; a slower
 * limit per e-mail across addresses and one per address across e-mails stop distributed and
 * spread guessing. Counted from the attempts log by e-mail, whether or not an account exists, so
 * that a lockout reveals nothing about accounts.
 */
export async function signInBlockedUntil(db: Queryable, email: string, ip: string, now = new Date()): Promise<Date | null> {
  const [pair, account, address] = await Promise.all([
    pairBlockedUntil(db, email, ip, now),
    windowBlockedUntil(db, { email }, ACCOUNT_WINDOW_MINUTES, ACCOUNT_MAX_FAILURES, now),
    windowBlockedUntil(db, { ip }, IP_WINDOW_MINUTES, IP_MAX_FAILURES, now),
  ]);
  return later(later(pair, account), address);
}

export async function recordSignInAttempt(db: Queryable, attempt: { email: string; ip: string; success: boolean; at: Date }) {
  await db.loginAttempt.create({ data: attempt });
}

export interface SignInLock {
  email: string;
  /** null: every address (the limit per account). */
  ip: string | null;
  until: Date;
}

/** The accounts now refused sign-in, from one address or from all, for the admins' dashboard. */
export async function currentSignInLocks(db: Database, now = new Date()): Promise<SignInLock[]> {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  // Only existing accounts: guesses at unknown e-mails concern nobody on the team.
  const candidates = await db.$queryRaw<{ email: string; ip: string }[]>`
    SELECT a.email, a.ip FROM "LoginAttempt" a JOIN "User" u ON u.email = a.email
    WHERE NOT a.success AND a.at >= ${dayAgo} AND a.at <= ${now}
    GROUP BY a.email, a.ip HAVING count(*) >= ${ACCOUNT_FAILURES_BEFORE_LOCK}
    ORDER BY max(a.at) DESC LIMIT 50`;
  const spread = await db.$queryRaw<{ email: string }[]>`
    SELECT a.email FROM "LoginAttempt" a JOIN "User" u ON u.email = a.email
    WHERE NOT a.success AND a.at >= ${minutesAfter(now, -ACCOUNT_WINDOW_MINUTES)} AND a.at <= ${now}
    GROUP BY a.email HAVING count(*) >= ${ACCOUNT_MAX_FAILURES}
    LIMIT 50`;
  const locks: SignInLock[] = [];
  for (const { email } of spread) {
    const until = await windowBlockedUntil(db, { email }, ACCOUNT_WINDOW_MINUTES, ACCOUNT_MAX_FAILURES, now);
    if (until) locks.push({ email, ip: null, until });
  }
  for (const { email, ip } of candidates) {
    const until = await pairBlockedUntil(db, email, ip, now);
    if (until) locks.push({ email, ip, until });
  }
  return locks;
}
