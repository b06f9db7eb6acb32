"use server";

import { redirect } from "next/navigation";
import { adminAction } from "@/lib/admin/guarded-action";
import { erasePersonalData as erase, erasureRequestSchema } from "@/lib/personal-data/requests";

export const erasePersonalData = adminAction({ role: "ADMIN", schema: erasureRequestSchema }, async ({ user, input, ip, db }) => {
  await erase(db, { id: user.id, role: user.role, ip }, input.adresse);
  // The page read again shows what stays, each with why.
  redirect(`/admin/donnees-personnelles?adresse=${encodeURIComponent(input.adresse)}&efface=1`);
});
