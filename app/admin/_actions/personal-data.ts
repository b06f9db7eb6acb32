"use server";

import { redirect } from "next/navigation";
import { adminAction, invalidForm } from "@/lib/admin/guarded-action";
import { erasePersonalData as erase, erasureRequestSchema } from "@/lib/personal-data/requests";

export const erasePersonalData = adminAction(
  {
    role: "ADMIN",
    schema: erasureRequestSchema,
    // A one-button form shows the message only: it must say what is missing (the typed confirmation).
    invalid: (error) => ({ ...invalidForm(error), message: error.issues.map((issue) => issue.message).join(" ") }),
  },
  async ({ user, input, ip, db }) => {
    await erase(db, { id: user.id, role: user.role, ip }, input.adresse);
    // The page read again shows what stays, each with why.
    redirect(`/admin/donnees-personnelles?adresse=${encodeURIComponent(input.adresse)}&efface=1`);
  },
);
