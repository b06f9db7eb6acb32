"use server";

import { AccountError, choosePasswordWithToken } from "@/lib/accounts/users";
import type { FormState } from "@/lib/admin/form-state";
import { prisma } from "@/lib/db/client";
import { requestIp } from "@/lib/http/request-context";

/** Open to anonymous callers on purpose: the one-time link's secret is the authorisation. */
export async function choosePassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get("token") ?? "").slice(0, 200);
  const password = String(formData.get("password") ?? "").slice(0, 1024);
  if (password !== String(formData.get("confirm") ?? "")) {
    return { status: "invalid", message: "Les deux saisies ne correspondent pas.", fieldErrors: { confirm: ["Les deux saisies ne correspondent pas."] } };
  }
  try {
    const email = await choosePasswordWithToken(prisma, token, password, await requestIp());
    return { status: "ok", message: `Mot de passe enregistré pour ${email}. Vous pouvez maintenant vous connecter depuis la page Connexion.` };
  } catch (error) {
    if (error instanceof AccountError) return { status: "invalid", message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : {} };
    throw error;
  }
}
