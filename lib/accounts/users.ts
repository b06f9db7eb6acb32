import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { formText } from "@/lib/validation/text";
import { recordAudit } from "@/lib/audit/log";
import { mailInvitation, mailPasswordReset } from "./account-mail";
import { hashPassword, newPasswordSchema } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { normaliseEmail } from "@/lib/auth/throttle";
import type { Database, Queryable } from "@/lib/db/connect";
import { UserRole, type AccountTokenPurpose } from "@/lib/db/generated/enums";

export const userSchema = z.object({
  email: z.string().trim().max(320).pipe(z.email("Adresse e-mail invalide.")).transform(normaliseEmail),
  name: formText("Le nom")
    .trim()
    .min(2, "Le nom doit contenir au moins 2 caractères.")
    .max(120, "Le nom ne peut pas dépasser 120 caractères."),
  role: z.enum(UserRole, "Choisissez un rôle."),
});

export class AccountError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AccountError";
  }
}

const TOKEN_LIFETIME_MS = { INVITATION: 7 * 24 * 3600_000, PASSWORD_RESET: 24 * 3600_000 } as const;
export const INVITATION_VALID_DAYS = TOKEN_LIFETIME_MS.INVITATION / (24 * 3600_000);
export const RESET_VALID_HOURS = TOKEN_LIFETIME_MS.PASSWORD_RESET / 3600_000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A one-time link secret; only its hash is stored. Earlier unused links of the user stop working.
 * Run inside the caller's transaction, with the change the link belongs to (and the message carrying it).
 */
export async function issueAccountToken(tx: Queryable, userId: number, purpose: AccountTokenPurpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.accountToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]) },
  });
  return token;
}

export async function findValidToken(db: Database, token: string) {
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { email: true, disabled: true } } },
  });
  if (!row || row.usedAt || row.expiresAt < new Date() || row.user.disabled) return null;
  return row;
}

/** Sets the password chosen through an invitation or reset link, and closes every open session. */
export async function choosePasswordWithToken(db: Database, token: string, password: string, ip?: string) {
  const row = await findValidToken(db, token);
  if (!row)
    throw new AccountError(
      "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau depuis « Mot de passe oublié ? » sur la page Connexion.",
    );
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) throw new AccountError(parsed.error.issues[0]!.message, "password");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const used = await tx.accountToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count === 0) throw new AccountError("Ce lien vient d'être utilisé.");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, passwordChangedAt: new Date(), failedLoginCount: 0 } });
    await revokeUserSessions(tx, row.userId);
    await recordAudit(tx, {
      userId: row.userId,
      action: "auth.password_changed",
      entityType: "USER",
      entityId: row.userId,
      details: { via: row.purpose },
      ip,
    });
  });
  return row.user.email;
}

/**
 * Creates an account. With a password (the CLI), it is usable at once; without (the admin page),
 * it gets an unusable random hash and an invitation link to choose one. Account, journal entry
 * and link are written together or not at all, as is each change below.
 */
export async function createAccount(
  db: Database,
  input: { email: string; name: string; role: UserRole; password?: string },
  by: { userId: number | null; ip?: string },
): Promise<{ id: number; invitationToken: string | null }> {
  const parsed = userSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AccountError(issue.message, String(issue.path[0] ?? ""));
  }
  const data = parsed.data;
  if (input.password !== undefined) {
    const check = newPasswordSchema.safeParse(input.password);
    if (!check.success) throw new AccountError(check.error.issues[0]!.message, "password");
  }
  const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString("base64url"));
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email } }))
      throw new AccountError("Un compte existe déjà avec cette adresse e-mail.", "email");
    const user = await tx.user.create({ data: { ...data, passwordHash, passwordChangedAt: input.password ? new Date() : null } });
    await recordAudit(tx, {
      userId: by.userId,
      action: "user.created",
      entityType: "USER",
      entityId: user.id,
      details: { email: data.email, role: data.role },
      ip: by.ip,
    });
    const invitationToken = input.password === undefined ? await issueAccountToken(tx, user.id, "INVITATION") : null;
    if (invitationToken) await mailInvitation(tx, data.email, data.role, invitationToken, INVITATION_VALID_DAYS);
    return { id: user.id, invitationToken };
  });
}

/** Changes name, role or the disabled flag. Disabling or a role change ends the user's sessions. */
export async function updateAccount(
  db: Database,
  id: number,
  changes: { name: string; role: UserRole; disabled: boolean },
  by: { userId: number; ip?: string },
) {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new AccountError("Ce compte n'existe pas.");
    if (id === by.userId && (changes.disabled || changes.role !== "ADMIN")) {
      throw new AccountError("Vous ne pouvez pas retirer vos propres droits d'administrateur ni désactiver votre compte.");
    }
    if (before.role === "ADMIN" && (changes.role !== "ADMIN" || changes.disabled)) {
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: id } } });
      if (otherAdmins === 0) throw new AccountError("Il doit rester au moins un administrateur actif.");
    }
    await tx.user.update({ where: { id }, data: changes });
    const action = changes.disabled !== before.disabled ? (changes.disabled ? "user.disabled" : "user.enabled") : "user.updated";
    await recordAudit(tx, {
      userId: by.userId,
      action,
      entityType: "USER",
      entityId: id,
      details: { role: { from: before.role, to: changes.role } },
      ip: by.ip,
    });
    if (changes.disabled || changes.role !== before.role) await revokeUserSessions(tx, id);
  });
}

/** A reset link for someone who lost their password, also mailed to them; their current sessions end now. */
export async function resetPassword(db: Database, id: number, by: { userId: number; ip?: string }): Promise<string> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new AccountError("Ce compte n'existe pas.");
    const token = await issueAccountToken(tx, id, "PASSWORD_RESET");
    await mailPasswordReset(tx, user.email, token, RESET_VALID_HOURS);
    await revokeUserSessions(tx, id);
    await recordAudit(tx, { userId: by.userId, action: "user.password_reset", entityType: "USER", entityId: id, ip: by.ip });
    return token;
  });
}
