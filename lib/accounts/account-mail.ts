/** The messages carrying a one-time password link (lib/accounts/users.ts issues the links). */
import type { Queryable } from "@/lib/db/connect";
import { roleLabels } from "@/lib/auth/roles";
import type { UserRole } from "@/lib/db/generated/enums";
import { invitationMail } from "@/lib/mail/messages/invitation";
import { passwordResetMail } from "@/lib/mail/messages/password-reset";
import { enqueueMail } from "@/lib/mail/queue";
import { absoluteUrl, siteUrl } from "@/lib/opendata/site";

/** Where a one-time link leads: the page that asks for the new password. */
export function passwordLink(token: string): string {
  return absoluteUrl(`/connexion/mot-de-passe?jeton=${token}`);
}

export async function mailInvitation(db: Queryable, to: string, role: UserRole, token: string, validDays: number) {
  await enqueueMail(db, to, invitationMail({ roleLabel: roleLabels[role], link: passwordLink(token), validDays }), siteUrl());
}

export async function mailPasswordReset(db: Queryable, to: string, token: string, validHours: number) {
  await enqueueMail(db, to, passwordResetMail({ link: passwordLink(token), validHours }), siteUrl());
}
