"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import type { FormState } from "@/lib/admin/form-state";
import { guarded } from "@/lib/admin/guarded-action";
import { requireUser } from "@/lib/auth/guards";
import { hashPassword, newPasswordSchema, verifyPassword } from "@/lib/auth/password";
import { seal, unseal } from "@/lib/auth/secret-box";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "@/lib/auth/totp";
import { prisma } from "@/lib/db/client";
import { requestIp } from "@/lib/http/request-context";

// The user's own account: reachable even by an admin who still has to set up the second factor.
const self = () => requireUser("CONTRIBUTOR", { allowMissingSecondFactor: true });

export async function changeOwnPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async (): Promise<FormState> => {
    const user = await self();
    const current = String(formData.get("current") ?? "");
    const next = String(formData.get("password") ?? "");
    const confirm = String(formData.get("confirm") ?? "");
    const account = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    if (!(await verifyPassword(account.passwordHash, current))) {
      return { status: "invalid", message: "Mot de passe actuel incorrect.", fieldErrors: { current: ["Mot de passe actuel incorrect."] } };
    }
    const parsed = newPasswordSchema.safeParse(next);
    if (!parsed.success) return { status: "invalid", message: parsed.error.issues[0]!.message, fieldErrors: { password: parsed.error.issues.map((i) => i.message) } };
    if (next !== confirm) return { status: "invalid", message: "Les deux saisies ne correspondent pas.", fieldErrors: { confirm: ["Les deux saisies ne correspondent pas."] } };
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(next), passwordChangedAt: new Date() } });
    await revokeUserSessions(prisma, user.id, user.sessionId);
    await recordAudit(prisma, { userId: user.id, action: "auth.password_changed", entityType: "USER", entityId: user.id, ip: await requestIp() });
    return { status: "ok", message: "Mot de passe changé. Vos autres sessions sont fermées." };
  });
}

/** Step 1: a new secret, kept (encrypted) but not active until a code proves the app has it. */
export async function beginTotpSetup(_previous: FormState, _formData: FormData): Promise<FormState> {
  return guarded(async (): Promise<FormState> => {
    const user = await self();
    const secret = newTotpSecret();
    await prisma.user.update({ where: { id: user.id }, data: { totpSecret: seal(secret), totpEnabledAt: null } });
    return { status: "ok", message: "Ajoutez ce compte dans votre application d'authentification (clé à saisir, ou adresse otpauth), puis saisissez le code affiché.", secret, html: totpUri(user.email, secret) };
  });
}

export async function confirmTotpSetup(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async (): Promise<FormState> => {
    const user = await self();
    const code = z.string().max(20).catch("").parse(formData.get("code"));
    const account = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    if (!account.totpSecret) return { status: "error", message: "Commencez par générer une clé." };
    const step = await verifyTotp(unseal(account.totpSecret), code, null);
    if (step === null) return { status: "invalid", message: "Code incorrect : vérifiez l'heure de votre téléphone et réessayez.", fieldErrors: { code: ["Code incorrect."] } };
    const { codes, hashes } = newRecoveryCodes();
    await prisma.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(), totpLastStep: step, totpRecoveryCodes: hashes } });
    await recordAudit(prisma, { userId: user.id, action: "auth.totp_enabled", entityType: "USER", entityId: user.id, ip: await requestIp() });
    return { status: "ok", message: "Double authentification activée. Gardez ces codes de secours en lieu sûr : chacun permet une connexion sans votre téléphone, une seule fois.", items: codes };
  });
}

export async function disableTotp(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async (): Promise<FormState> => {
    const user = await self();
    const account = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    if (!(await verifyPassword(account.passwordHash, String(formData.get("current") ?? "")))) {
      return { status: "invalid", message: "Mot de passe incorrect.", fieldErrors: { current: ["Mot de passe incorrect."] } };
    }
    await prisma.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpRecoveryCodes: [], totpLastStep: null } });
    await recordAudit(prisma, { userId: user.id, action: "auth.totp_disabled", entityType: "USER", entityId: user.id, ip: await requestIp() });
    return { status: "ok", message: "Double authentification désactivée." };
  });
}
