import { z } from "zod";
import { takeToken } from "@/lib/api/rate-limit";
import { recordAudit } from "@/lib/audit/log";
import { normaliseEmail } from "@/lib/auth/throttle";
import type { Database } from "@/lib/db/connect";
import { mailPasswordReset } from "./account-mail";
import { issueAccountToken, RESET_VALID_HOURS } from "./users";

export const resetRequestSchema = z.object({
  email: z
    .string("Indiquez votre adresse e-mail.")
    .trim()
    .max(320, "Adresse e-mail invalide.")
    .pipe(z.email("Adresse e-mail invalide."))
    .transform(normaliseEmail),
});

/**
 * The buckets of the open-data API's table, under their own keys: per address, a few requests an
 * hour; per e-mail, fewer, so that nobody floods one mailbox from many addresses. Counted whether
 * or not an account exists, so that being refused reveals nothing either.
 */
const PER_ADDRESS = { capacity: 5, refillPerSecond: 5 / 3600 };
const PER_EMAIL = { capacity: 3, refillPerSecond: 3 / 3600 };

export type ResetRequestOutcome = { kind: "accepted" } | { kind: "throttled"; retryAfterMinutes: number };

/** Takes one request from the address's and the e-mail's buckets. */
export async function admitResetRequest(db: Database, email: string, ip: string): Promise<ResetRequestOutcome> {
  for (const [key, limit] of [
    [`reset-ip:${ip}`, PER_ADDRESS],
    [`reset-email:${email}`, PER_EMAIL],
  ] as const) {
    const decision = await takeToken(db, key, limit);
    if (!decision.allowed) return { kind: "throttled", retryAfterMinutes: Math.ceil(decision.retryAfter / 60) };
  }
  return { kind: "accepted" };
}

/** Mails a reset link when an enabled account has this address; nothing otherwise. */
export async function mailResetLinkIfAccount(db: Database, email: string, ip: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, disabled: true } });
  if (!user || user.disabled) return;
  await db.$transaction(async (tx) => {
    const token = await issueAccountToken(tx, user.id, "PASSWORD_RESET");
    await mailPasswordReset(tx, email, token, RESET_VALID_HOURS);
    await recordAudit(tx, { userId: user.id, action: "user.password_reset_requested", entityType: "USER", entityId: user.id, ip });
  });
}

/**
 * « Mot de passe oublié ? » in one call (tests, scripts). The page's action answers after the
 * admission and does the rest once the answer is sent, so that its timing says nothing either.
 */
export async function requestPasswordReset(db: Database, email: string, ip: string): Promise<ResetRequestOutcome> {
  const outcome = await admitResetRequest(db, email, ip);
  if (outcome.kind === "accepted") await mailResetLinkIfAccount(db, email, ip);
  return outcome;
}
