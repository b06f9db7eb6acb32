"use server";

import { z } from "zod";
import { AccountError, choosePasswordWithToken } from "@/lib/accounts/users";
import { publicAction } from "@/lib/admin/guarded-action";

const choosePasswordSchema = z
  .object({
    token: z.string().max(200).catch(""),
    password: z.string("Choisissez un mot de passe.").max(1024, "Le mot de passe ne peut pas dépasser 1 024 caractères."),
    confirm: z.string().max(1024).catch(""),
  })
  .refine((form) => form.password === form.confirm, { path: ["confirm"], message: "Les deux saisies ne correspondent pas." });

/** Open to anonymous callers on purpose: the one-time link's secret is the authorisation. */
export const choosePassword = publicAction({ schema: choosePasswordSchema }, async ({ input, ip, db }) => {
  try {
    const email = await choosePasswordWithToken(db, input.token, input.password, ip);
    return { status: "ok", message: `Mot de passe enregistré pour ${email}. Vous pouvez maintenant vous connecter depuis la page Connexion.` };
  } catch (error) {
    if (error instanceof AccountError) return { status: "invalid", message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : {} };
    throw error;
  }
});
