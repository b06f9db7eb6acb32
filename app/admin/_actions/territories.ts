"use server";

import type { FormState } from "@/lib/admin/form-state";
import { guarded } from "@/lib/admin/guarded-action";
import { aliasesSchema, saveAliases } from "@/lib/admin/territories";
import { requireUser } from "@/lib/auth/guards";
import { fieldErrorsOf } from "@/lib/editorial/engine";
import { requestIp } from "@/lib/http/request-context";

export async function updateTerritoryAliases(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async (): Promise<FormState> => {
    await requireUser("EDITOR");
    const parsed = aliasesSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: "invalid", message: "Le formulaire contient des erreurs.", fieldErrors: fieldErrorsOf(parsed.error) };
    const outcome = await saveAliases(parsed.data, await requestIp());
    return outcome.ok ? { status: "ok", message: "Alias enregistrés." } : { status: "error", message: outcome.message };
  });
}
