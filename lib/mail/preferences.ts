/**
 * Which notification mails a staff member receives (ADR 018). Each one is on unless the user
 * turned it off on /admin/compte; the user row keeps the keys turned off (`mailOptOuts`), so a
 * notification added later reaches everyone until they say otherwise. Security mails (invitation,
 * password reset) are not notifications: they are always sent and are not listed here.
 */
import { z } from "zod";
import type { Database } from "@/lib/db/connect";
import type { Prisma } from "@/lib/db/generated/client";
import type { UserRole } from "@/lib/db/generated/enums";
import { recordAudit } from "@/lib/audit/log";
import { hasRole } from "@/lib/auth/roles";

export const MAIL_NOTIFICATIONS = {
  review_requested: { label: "Un contenu est soumis en relecture", role: "EDITOR" },
  entry_published: { label: "Un contenu que j'ai rédigé est publié", role: "CONTRIBUTOR" },
  entry_sent_back: { label: "Un contenu que j'ai rédigé est renvoyé en brouillon", role: "CONTRIBUTOR" },
  new_proposal: { label: "Un visiteur envoie une proposition ou une correction", role: "EDITOR" },
} as const satisfies Record<string, { label: string; role: UserRole }>;

export type MailNotification = keyof typeof MAIL_NOTIFICATIONS;

const KEYS = Object.keys(MAIL_NOTIFICATIONS) as [MailNotification, ...MailNotification[]];

/** The notifications a role can receive at all (review and proposals go to editors and admins only). */
export const notificationsFor = (role: UserRole): MailNotification[] => KEYS.filter((key) => hasRole(role, MAIL_NOTIFICATIONS[key].role));

/** The recipients' filter: users who did not turn this notification off. */
export const receives = (notification: MailNotification): Prisma.UserWhereInput => ({
  NOT: { mailOptOuts: { has: notification } },
});

/** The form: one checkbox per notification, checked = received. */
export const mailPreferencesSchema = z.object({
  receive: z.array(z.enum(KEYS, { error: "Type de message inconnu." })).max(KEYS.length),
});

export const mailPreferencesFields = (formData: FormData) => ({ receive: formData.getAll("receive") });

/**
 * Saves what the user receives. Keys their role cannot receive keep their current setting, so a
 * contributor promoted later finds the review mails on, as every new account does.
 */
export async function saveMailPreferences(
  db: Database,
  user: { id: number; role: UserRole },
  receive: MailNotification[],
  ip?: string,
): Promise<void> {
  const offered = notificationsFor(user.role);
  await db.$transaction(async (tx) => {
    const { mailOptOuts } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { mailOptOuts: true } });
    const kept = mailOptOuts.filter((key) => !offered.includes(key as MailNotification));
    const optOuts = [...kept, ...offered.filter((key) => !receive.includes(key))];
    await tx.user.update({ where: { id: user.id }, data: { mailOptOuts: optOuts } });
    await recordAudit(tx, {
      userId: user.id,
      action: "user.mail_preferences_changed",
      entityType: "USER",
      entityId: user.id,
      details: { off: optOuts },
      ip,
    });
  });
}
