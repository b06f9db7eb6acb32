"use server";

import { z } from "zod";
import { after } from "next/server";
import { admitResetRequest, mailResetLinkIfAccount, resetRequestSchema } from "@/lib/accounts/password-reset-request";
import { AccountError, choosePasswordWithToken } from "@/lib/accounts/users";
import { publicAction } from "@/lib/admin/guarded-action";
import { logger } from "@/lib/log/logger";

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
    return {
      status: "ok",
      message: `Mot de passe enregistré pour ${email}. Vous pouvez maintenant vous connecter depuis la page Connexion.`,
    };
  } catch (error) {
    if (error instanceof AccountError)
      return { status: "invalid", message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : {} };
    throw error;
  }
});

/** « Mot de passe oublié ? »: the same answer whether an account has this address or not. */
export const askPasswordReset = publicAction({ schema: resetRequestSchema }, async ({ input, ip, db }) => {
  const outcome = await admitResetRequest(db, input.email, ip);
  if (outcome.kind === "throttled") {
    return {
      status: "error",
      message: `Trop de demandes de réinitialisation. Réessayez dans ${outcome.retryAfterMinutes} minute${outcome.retryAfterMinutes > 1 ? "s" : ""}.`,
    };
  }
  // After the answer is sent: how long it took must not tell whether the account exists.
  after(() => mailResetLinkIfAccount(db, input.email, ip).catch((error: unknown) => logger().error({ err: error }, "mot de passe oublié")));
  return {
    status: "ok",
    message: `Si un compte de l'espace équipe correspond à ${input.email}, un message vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe (valable 24 heures). Pensez à regarder dans vos courriers indésirables.`,
  };
});
