"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/admin/guarded-action";
import { mappingFormSchema, readMappingForm } from "@/lib/import/fields";
import { runImport, saveMapping, storeUpload } from "@/lib/import/service";
import { recordId } from "@/lib/validation/integer";

const importPath = (id: number) => `/admin/import/${id}`;

export const uploadSpreadsheet = adminAction(
  {
    role: "EDITOR",
    schema: z.object({ file: z.instanceof(File).nullable() }),
    fields: (formData) => ({ file: formData.get("fichier") instanceof File ? formData.get("fichier") : null }),
  },
  async ({ user, input, db }) => {
    const outcome = await storeUpload(db, user, input.file);
    if (!outcome.ok) return { status: "error", message: outcome.message };
    redirect(importPath(outcome.id!));
  },
);

export const saveImportMapping = adminAction(
  { role: "EDITOR", schema: mappingFormSchema, fields: readMappingForm },
  async ({ user, input, ip, db }) => {
    const outcome = await saveMapping(db, user, input, ip);
    if (!outcome.ok) return { status: "error", message: outcome.message };
    redirect(importPath(input.id));
  },
);

export const importSpreadsheet = adminAction({ role: "EDITOR", schema: z.object({ id: recordId }) }, async ({ user, input, ip, db }) => {
  const outcome = await runImport(db, user, input.id, ip);
  if (!outcome.ok) return { status: "error", message: outcome.message };
  redirect(importPath(input.id));
});
