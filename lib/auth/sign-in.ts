import type { Database } from "@/lib/db/connect";
import { recordAudit } from "@/lib/audit/log";
import { dummyPasswordHash, verifyPassword } from "./password";
import { consumeSecondFactor } from "./second-factor";
import { openSession } from "./sessions";
import { normaliseEmail, recordSignInAttempt, signInBlockedUntil } from "./throttle";

export type SignInFailure = "invalid" | "locked" | "totp_required" | "totp_invalid";

export type SignInResult = { ok: true; userId: number; sessionId: string } | { ok: false; reason: SignInFailure; retryAt?: Date };

export interface SignInInput {
  email: string;
  password: string;
  /** A TOTP code or a recovery code, when the account has a second factor. */
  code?: string;
  ip: string;
  userAgent?: string;
}

/**
 * Checks credentials with the throttling rules. The answer for an unknown e-mail, a wrong password
 * or a disabled account is the same ("invalid"), after the same amount of hashing work.
 */
export async function signIn(db: Database, input: SignInInput, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const blockedUntil = await signInBlockedUntil(db, email, input.ip, now);
  if (blockedUntil) {
    await recordAudit(db, { action: "auth.locked", details: { email, until: blockedUntil.toISOString() }, ip: input.ip });
    return { ok: false, reason: "locked", retryAt: blockedUntil };
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);

  const fail = async (reason: SignInFailure) => {
    await recordSignInAttempt(db, { email, ip: input.ip, success: false, at: now });
    if (user) {
      await db.user.update({ where: { id: user.id }, data: { failedLoginCount: { increment: 1 } } });
    }
    await recordAudit(db, {
      userId: user?.id,
      action: "auth.sign_in_failed",
      entityType: user ? "USER" : null,
      entityId: user?.id,
      details: { email, reason },
      ip: input.ip,
    });
    const after = await signInBlockedUntil(db, email, input.ip, now);
    return after ? ({ ok: false, reason: "locked", retryAt: after } as const) : ({ ok: false, reason } as const);
  };

  if (!user || !passwordOk || user.disabled) return fail("invalid");

  if (user.totpEnabledAt && user.totpSecret) {
    const code = input.code?.trim();
    // Right password, second factor still to come: not a failure, nothing is counted.
    if (!code) return { ok: false, reason: "totp_required" };
    const used = await consumeSecondFactor(db, user, code, now);
    if (!used) return fail("totp_invalid");
    if (used === "recovery") {
      await recordAudit(db, { userId: user.id, action: "auth.recovery_code_used", entityType: "USER", entityId: user.id, ip: input.ip });
    }
  }

  await recordSignInAttempt(db, { email, ip: input.ip, success: true, at: now });
  await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  const sessionId = await openSession(db, user.id, { ip: input.ip, userAgent: input.userAgent });
  await recordAudit(db, { userId: user.id, action: "auth.sign_in", entityType: "USER", entityId: user.id, ip: input.ip });
  return { ok: true, userId: user.id, sessionId };
}
