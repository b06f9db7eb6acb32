"use server";

import { adminAction } from "@/lib/admin/guarded-action";
import { aliasesSchema, saveAliases } from "@/lib/admin/territories";

export const updateTerritoryAliases = adminAction({ role: "EDITOR", schema: aliasesSchema }, async ({ user, input, ip, db }) => {
  const outcome = await saveAliases(db, user, input, ip);
  return outcome.ok ? { status: "ok", message: "Alias enregistrés." } : { status: "error", message: outcome.message };
});
