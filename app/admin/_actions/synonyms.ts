"use server";

import { adminAction } from "@/lib/admin/guarded-action";
import { saveSynonymGroup, synonymGroupSchema } from "@/lib/admin/synonyms";

export const updateSynonymGroup = adminAction({ role: "EDITOR", schema: synonymGroupSchema }, async ({ user, input, ip, db }) => {
  const outcome = await saveSynonymGroup(db, user, input, ip);
  return { status: outcome.ok ? "ok" : "error", message: outcome.message };
});
