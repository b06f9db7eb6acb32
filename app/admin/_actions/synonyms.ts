"use server";

import type { FormState } from "@/lib/admin/form-state";
import { guarded } from "@/lib/admin/guarded-action";
import { saveSynonymGroup, synonymGroupSchema } from "@/lib/admin/synonyms";
import { requireUser } from "@/lib/auth/guards";
import { fieldErrorsOf } from "@/lib/editorial/engine";
import { requestIp } from "@/lib/http/request-context";

export async function updateSynonymGroup(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async (): Promise<FormState> => {
    await requireUser("EDITOR");
    const parsed = synonymGroupSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: "invalid", message: "Le formulaire contient des erreurs.", fieldErrors: fieldErrorsOf(parsed.error) };
    const outcome = await saveSynonymGroup(parsed.data, await requestIp());
    return { status: outcome.ok ? "ok" : "error", message: outcome.message };
  });
}
