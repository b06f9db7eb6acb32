"use server";

import { z } from "zod";
import { passwordLink } from "@/lib/accounts/account-mail";
import { AccountError, createAccount, resetPassword, updateAccount, userSchema } from "@/lib/accounts/users";
import type { FormState } from "@/lib/admin/form-state";
import { adminAction } from "@/lib/admin/guarded-action";
import { UserRole } from "@/lib/db/generated/enums";
import { recordId } from "@/lib/validation/integer";

function accountError(error: unknown): FormState {
  if (error instanceof AccountError) {
    return { status: "invalid", message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : {} };
  }
  throw error;
}

export const createUser = adminAction({ role: "ADMIN", schema: userSchema }, async ({ user, input, ip, db }) => {
  try {
    const created = await createAccount(db, input, { userId: user.id, ip });
    return {
      status: "ok",
      message: `Compte créé pour ${input.email}. Un message d'invitation lui est envoyé ; ce lien (valable 7 jours, affiché une seule fois) est le même, si vous préférez le lui transmettre vous-même :`,
      secret: passwordLink(created.invitationToken!),
    };
  } catch (error) {
    return accountError(error);
  }
});

const updateSchema = z.object({
  id: recordId,
  name: userSchema.shape.name,
  role: z.enum(UserRole, "Choisissez un rôle."),
  disabled: z.literal("on").optional(),
});

export const updateUser = adminAction({ role: "ADMIN", schema: updateSchema }, async ({ user, input, ip, db }) => {
  try {
    const { id, name, role, disabled } = input;
    await updateAccount(db, id, { name, role, disabled: disabled === "on" }, { userId: user.id, ip });
    return { status: "ok", message: "Compte mis à jour." };
  } catch (error) {
    return accountError(error);
  }
});

export const sendPasswordReset = adminAction(
  { role: "ADMIN", schema: z.object({ id: recordId }), invalid: () => ({ status: "error", message: "Requête invalide." }) },
  async ({ user, input, ip, db }) => {
    try {
      const token = await resetPassword(db, input.id, { userId: user.id, ip });
      return {
        status: "ok",
        message:
          "Un message de réinitialisation est envoyé à ce compte. Les sessions ouvertes de ce compte sont fermées. Le lien (valable 24 heures, affiché une seule fois) :",
        secret: passwordLink(token),
      };
    } catch (error) {
      return accountError(error);
    }
  },
);
