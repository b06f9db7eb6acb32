"use server";

import { z } from "zod";
import * as ownAccount from "@/lib/accounts/own-account";
import { adminAction } from "@/lib/admin/guarded-action";
import type { SessionUser } from "@/lib/auth/sessions";
import * as preferences from "@/lib/mail/preferences";
import { mailPreferencesFields, mailPreferencesSchema } from "@/lib/mail/preferences";

// The user's own account: reachable even by a user who still has to set up the second factor.
// Each step reads its own fields (lib/accounts/own-account.ts), so the wrapper only checks who calls.
const self = { role: "CONTRIBUTOR", allowMissingSecondFactor: true, schema: z.unknown() } as const;
const actor = ({ user, ip }: { user: SessionUser; ip: string }): ownAccount.AccountActor => ({
  id: user.id,
  sessionId: user.sessionId,
  ip,
});

export const changeOwnPassword = adminAction(self, async (context) =>
  ownAccount.changePassword(context.db, actor(context), context.formData),
);

export const beginTotpSetup = adminAction(self, async (context) => ownAccount.beginTotpSetup(context.db, actor(context)));

export const confirmTotpSetup = adminAction(self, async (context) =>
  ownAccount.confirmTotpSetup(context.db, actor(context), context.formData),
);

export const disableTotp = adminAction(self, async (context) => ownAccount.disableTotp(context.db, actor(context), context.formData));

export const saveMailPreferences = adminAction(
  { role: "CONTRIBUTOR", schema: mailPreferencesSchema, fields: mailPreferencesFields },
  async ({ user, input, ip, db }) => {
    await preferences.saveMailPreferences(db, user, input.receive, ip);
    return { status: "ok", message: "Vos choix de messages sont enregistrés." };
  },
);
