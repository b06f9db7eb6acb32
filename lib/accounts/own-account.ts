import { z } from "zod";
import type { FormState } from "@/lib/admin/form-state";
import { recordAudit } from "@/lib/audit/log";
import { hashPassword, newPasswordSchema, verifyPassword } from "@/lib/auth/password";
import { seal, unseal } from "@/lib/auth/secret-box";
import { consumeSecondFactor } from "@/lib/auth/second-factor";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { recordSignInAttempt, signInBlockedUntil } from "@/lib/auth/throttle";
import { newRecoveryCodes, newTotpSecret, totpQrCode, totpUri, verifyTotp } from "@/lib/auth/totp";
import type { Database, Queryable } from "@/lib/db/connect";
import { formatTime } from "@/lib/format/labels";

/** Who acts on their own account: the signed-in user, from which session and address. */
export interface AccountActor {
  id: number;
  sessionId: string;
  ip: string;
}

const field = z.string().max(1024).catch("");

type Check = { ok: true } | { ok: false; state: FormState };

/**
 * The current password (or, where `acceptCode`, a code of the enabled second factor) before a
 * sensitive change. Failures count in the sign-in throttle of the account and address, so that a
 * stolen session cannot be used to guess the password, and are journaled.
 *
 * Each step below runs in one transaction: the check, the change, the closing of the other
 * sessions and the journal entry happen together or not at all (a failed check is committed
 * with its throttle and journal entries, since it returns rather than throws).
 */
async function checkCurrentCredential(
  db: Queryable,
  actor: AccountActor,
  value: string,
  options: { acceptCode: boolean; purpose: string },
  now = new Date(),
): Promise<Check> {
  const account = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  const fieldErrors = (message: string) => ({ current: [message] });
  const blockedUntil = await signInBlockedUntil(db, account.email, actor.ip, now);
  if (blockedUntil) {
    await recordAudit(db, {
      userId: account.id,
      action: "auth.locked",
      entityType: "USER",
      entityId: account.id,
      details: { purpose: options.purpose, until: blockedUntil.toISOString() },
      ip: actor.ip,
    });
    const message = `Trop de tentatives : réessayez après ${formatTime(blockedUntil)}.`;
    return { ok: false, state: { status: "invalid", message, fieldErrors: fieldErrors(message) } };
  }
  if (value && (await verifyPassword(account.passwordHash, value))) return { ok: true };
  if (value && options.acceptCode && (await consumeSecondFactor(db, account, value, now))) return { ok: true };
  await recordSignInAttempt(db, { email: account.email, ip: actor.ip, success: false, at: now });
  await recordAudit(db, {
    userId: account.id,
    action: "auth.credential_check_failed",
    entityType: "USER",
    entityId: account.id,
    details: { purpose: options.purpose },
    ip: actor.ip,
  });
  const message = options.acceptCode ? "Mot de passe ou code incorrect." : "Mot de passe actuel incorrect.";
  return { ok: false, state: { status: "invalid", message, fieldErrors: fieldErrors(message) } };
}

export async function changePassword(db: Database, actor: AccountActor, formData: FormData): Promise<FormState> {
  const next = field.parse(formData.get("password"));
  const confirm = field.parse(formData.get("confirm"));
  const current = field.parse(formData.get("current"));
  return db.$transaction(async (tx): Promise<FormState> => {
    const check = await checkCurrentCredential(tx, actor, current, { acceptCode: false, purpose: "password_change" });
    if (!check.ok) return check.state;
    const parsed = newPasswordSchema.safeParse(next);
    if (!parsed.success)
      return {
        status: "invalid",
        message: parsed.error.issues[0]!.message,
        fieldErrors: { password: parsed.error.issues.map((i) => i.message) },
      };
    if (next !== confirm)
      return {
        status: "invalid",
        message: "Les deux saisies ne correspondent pas.",
        fieldErrors: { confirm: ["Les deux saisies ne correspondent pas."] },
      };
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(next), passwordChangedAt: new Date() } });
    await revokeUserSessions(tx, actor.id, actor.sessionId);
    await recordAudit(tx, { userId: actor.id, action: "auth.password_changed", entityType: "USER", entityId: actor.id, ip: actor.ip });
    return { status: "ok", message: "Mot de passe changé. Vos autres sessions sont fermées." };
  });
}

/**
 * Step 1: a new secret, kept (encrypted) aside: an enabled factor stays in force until a code
 * proves the new app has the new one, so this step alone can neither drop nor replace it.
 */
export async function beginTotpSetup(db: Database, actor: AccountActor): Promise<FormState> {
  const secret = newTotpSecret();
  const uri = await db.$transaction(async (tx) => {
    const account = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } });
    await tx.user.update({ where: { id: actor.id }, data: { totpPendingSecret: seal(secret) } });
    return totpUri(account.email, secret);
  });
  return {
    status: "ok",
    message:
      "Ajoutez ce compte dans votre application d'authentification (code QR, clé à saisir ou adresse otpauth), puis saisissez le code affiché.",
    secret,
    html: uri,
    qrCode: await totpQrCode(uri),
  };
}

/** Step 2: the new secret becomes the factor; replacing an enabled one takes the password or a current code. */
export async function confirmTotpSetup(db: Database, actor: AccountActor, formData: FormData): Promise<FormState> {
  const current = field.parse(formData.get("current"));
  const code = z.string().max(20).catch("").parse(formData.get("code"));
  return db.$transaction(async (tx): Promise<FormState> => {
    const account = await tx.user.findUniqueOrThrow({ where: { id: actor.id } });
    if (!account.totpPendingSecret) return { status: "error", message: "Commencez par générer une clé." };
    const replacing = !!account.totpEnabledAt;
    if (replacing) {
      const check = await checkCurrentCredential(tx, actor, current, { acceptCode: true, purpose: "totp_replace" });
      if (!check.ok) return check.state;
    }
    const step = await verifyTotp(unseal(account.totpPendingSecret), code, null);
    if (step === null)
      return {
        status: "invalid",
        message: "Code incorrect : vérifiez l'heure de votre téléphone et réessayez.",
        fieldErrors: { code: ["Code incorrect."] },
      };
    const { codes, hashes } = newRecoveryCodes();
    // Conditional on the pending secret read above: a setup begun again meanwhile wins.
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, totpPendingSecret: account.totpPendingSecret },
      data: {
        totpSecret: account.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
        totpRecoveryCodes: hashes,
      },
    });
    if (count !== 1) return { status: "error", message: "Une autre clé a été générée entre-temps : recommencez avec la dernière." };
    await revokeUserSessions(tx, actor.id, actor.sessionId);
    await recordAudit(tx, {
      userId: actor.id,
      action: replacing ? "auth.totp_replaced" : "auth.totp_enabled",
      entityType: "USER",
      entityId: actor.id,
      ip: actor.ip,
    });
    return {
      status: "ok",
      message:
        "Double authentification activée, vos autres sessions sont fermées. Gardez ces codes de secours en lieu sûr : chacun permet une connexion sans votre téléphone, une seule fois.",
      items: codes,
    };
  });
}

export async function disableTotp(db: Database, actor: AccountActor, formData: FormData): Promise<FormState> {
  const current = field.parse(formData.get("current"));
  return db.$transaction(async (tx): Promise<FormState> => {
    const check = await checkCurrentCredential(tx, actor, current, { acceptCode: true, purpose: "totp_disable" });
    if (!check.ok) return check.state;
    await tx.user.update({
      where: { id: actor.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpRecoveryCodes: [], totpLastStep: null },
    });
    await revokeUserSessions(tx, actor.id, actor.sessionId);
    await recordAudit(tx, { userId: actor.id, action: "auth.totp_disabled", entityType: "USER", entityId: actor.id, ip: actor.ip });
    return { status: "ok", message: "Double authentification désactivée. Vos autres sessions sont fermées." };
  });
}
