"use server";

import { z } from "zod";
import { recordId } from "@/lib/validation/integer";
import { AccountError, createAccount, resetPassword, updateAccount, userSchema } from "@/lib/accounts/users";
import type { FormState } from "@/lib/admin/form-state";
import { guarded } from "@/lib/admin/guarded-action";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { UserRole } from "@/lib/db/generated/enums";
import { fieldErrorsOf } from "@/lib/editorial/engine";
import { requestIp } from "@/lib/http/request-context";

function linkFor(token: string) {
  const base = process.env.NEXTAUTH_URL ?? "";
  return `${base}/connexion/mot-de-passe?jeton=${token}`;
}

function accountError(error: unknown): FormState {
  if (error instanceof AccountError) {
    return { status: "invalid", message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : {} };
  }
  throw error;
}

export async function createUser(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async (): Promise<FormState> => {
    const admin = await requireUser("ADMIN");
    const parsed = userSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: "invalid", message: "Le formulaire contient des erreurs.", fieldErrors: fieldErrorsOf(parsed.error) };
    try {
      const created = await createAccount(prisma, parsed.data, { userId: admin.id, ip: await requestIp() });
      return {
        status: "ok",
        message: `Compte créé pour ${parsed.data.email}. Transmettez-lui ce lien (valable 7 jours, affiché une seule fois) pour choisir son mot de passe :`,
        secret: linkFor(created.invitationToken!),
      };
    } catch (error) {
      return accountError(error);
    }
  });
}

const updateSchema = z.object({
  id: recordId,
  name: userSchema.shape.name,
  role: z.enum(UserRole, "Choisissez un rôle."),
  disabled: z.literal("on").optional(),
});

export async function updateUser(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async (): Promise<FormState> => {
    const admin = await requireUser("ADMIN");
    const parsed = updateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: "invalid", message: "Le formulaire contient des erreurs.", fieldErrors: fieldErrorsOf(parsed.error) };
    try {
      const { id, name, role, disabled } = parsed.data;
      await updateAccount(prisma, id, { name, role, disabled: disabled === "on" }, { userId: admin.id, ip: await requestIp() });
      return { status: "ok", message: "Compte mis à jour." };
    } catch (error) {
      return accountError(error);
    }
  });
}

export async function sendPasswordReset(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async (): Promise<FormState> => {
    const admin = await requireUser("ADMIN");
    const id = recordId.safeParse(formData.get("id"));
    if (!id.success) return { status: "error", message: "Requête invalide." };
    try {
      const token = await resetPassword(prisma, id.data, { userId: admin.id, ip: await requestIp() });
      return { status: "ok", message: "Lien de réinitialisation (valable 24 heures, affiché une seule fois). Les sessions ouvertes de ce compte sont fermées :", secret: linkFor(token) };
    } catch (error) {
      return accountError(error);
    }
  });
}
