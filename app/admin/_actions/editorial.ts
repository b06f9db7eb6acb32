"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/admin/form-state";
import { adminAction, invalidForm } from "@/lib/admin/guarded-action";
import type { SessionUser } from "@/lib/auth/sessions";
import { renderMarkdown } from "@/lib/content/markdown";
import type { Database } from "@/lib/db/connect";
import type { UserRole } from "@/lib/db/generated/enums";
import type { EntityDefinition } from "@/lib/editorial/definition";
import {
  markVerified,
  purgeRecord,
  restoreRevision,
  saveRecord,
  transitionRecord,
  trashRecord,
  untrashRecord,
  type ActionOutcome,
  type SaveOutcome,
} from "@/lib/editorial/engine";
import { readFormValues } from "@/lib/editorial/form-values";
import { definitionByPath } from "@/lib/editorial/registry";
import { recordId, recordVersion } from "@/lib/validation/integer";
import { formText } from "@/lib/validation/text";

/** The hidden fields naming the record: a known editorial type (its URL path) and an id. */
const entity = z
  .string()
  .max(40)
  .transform((path, context) => definitionByPath(path) ?? (context.addIssue({ code: "custom", message: "Type inconnu." }), z.NEVER));
const target = z.object({ entity, id: recordId });
// Over-long comments are cut rather than refused: the record itself matters more.
const revisionComment = formText("Le commentaire").transform((value) => value.trim().slice(0, 500));

const BAD_REQUEST: FormState = { status: "error", message: "Requête invalide : rechargez la page." };
/**
 * Hidden fields that do not parse come from a stale or forged page: « rechargez la page ». The
 * comment is typed by a person, and gets a field error like any other field.
 */
const badRequest = (error: z.ZodError): FormState =>
  error.issues.every((issue) => issue.path[0] === "comment") ? invalidForm(error) : BAD_REQUEST;

function fromSave(outcome: SaveOutcome): FormState {
  switch (outcome.kind) {
    case "saved":
      return { status: "ok", message: `Enregistré (version ${outcome.version}).` };
    case "invalid":
      return { status: "invalid", message: outcome.message, fieldErrors: outcome.fieldErrors };
    case "conflict":
      return {
        status: "conflict",
        message:
          "Quelqu'un a enregistré cet élément pendant que vous le modifiiez : votre version n'a pas été enregistrée. Voici ce qui a changé entre-temps ; votre saisie est conservée ci-dessous.",
        conflict: { currentVersion: outcome.currentVersion, changes: outcome.changes, changedBy: outcome.changedBy },
      };
    case "gone":
      return { status: "error", message: outcome.message };
  }
}

function fromOutcome(outcome: ActionOutcome): FormState {
  return outcome.ok ? { status: "ok", message: outcome.message } : { status: "error", message: outcome.message, items: outcome.links };
}

const saveSchema = z.object({
  entity,
  id: z.union([z.literal(""), recordId]).optional(),
  version: recordVersion.optional(),
  comment: revisionComment.optional(),
});

/** Creates (no id) or updates a record of any editorial type. */
export const saveEntity = adminAction(
  { role: "CONTRIBUTOR", schema: saveSchema, invalid: badRequest },
  async ({ user, input, formData, ip, db }) => {
    const { entity: def, version, comment } = input;
    const recordId = input.id || undefined;
    const outcome = await saveRecord(db, def, user, { id: recordId, version, values: readFormValues(formData, def.fields), comment }, ip);
    if (outcome.kind === "saved" && !recordId) redirect(`/admin/${def.path}/${outcome.id}?cree=1`);
    return fromSave(outcome);
  },
);

const transitionSchema = target.extend({
  transition: z.enum(["submit", "publish", "return", "archive", "unarchive"]),
  comment: revisionComment.optional(),
});

export const changeStatus = adminAction(
  { role: "CONTRIBUTOR", schema: transitionSchema, invalid: badRequest },
  async ({ user, input, ip, db }) =>
    fromOutcome(await transitionRecord(db, input.entity, user, input.id, input.transition, input.comment, ip)),
);

type RecordOperation = (db: Database, def: EntityDefinition<unknown>, user: SessionUser, id: number, ip: string) => Promise<ActionOutcome>;

/** The shape shared by the one-button actions: a role, an { entity, id } target, an engine call. */
const recordAction = (role: UserRole, operation: RecordOperation) =>
  adminAction({ role, schema: target, invalid: badRequest }, async ({ user, input, ip, db }) =>
    fromOutcome(await operation(db, input.entity, user, input.id, ip)),
  );

export const markAsVerified = recordAction("EDITOR", markVerified);
export const moveToTrash = recordAction("CONTRIBUTOR", trashRecord);
export const restoreFromTrash = recordAction("EDITOR", untrashRecord);

const purgeSchema = target.extend({ confirm: z.string().catch("") });

export const deletePermanently = adminAction(
  { role: "ADMIN", schema: purgeSchema, invalid: badRequest },
  async ({ user, input, ip, db }) => {
    if (input.confirm !== "SUPPRIMER")
      return {
        status: "invalid",
        message: "Tapez SUPPRIMER pour confirmer la suppression définitive.",
        fieldErrors: { confirm: ["Tapez SUPPRIMER pour confirmer."] },
      };
    return fromOutcome(await purgeRecord(db, input.entity, user, input.id, ip));
  },
);

const restoreSchema = target.extend({ revision: recordId, version: recordVersion });

export const restoreVersion = adminAction(
  { role: "CONTRIBUTOR", schema: restoreSchema, invalid: badRequest },
  async ({ user, input, ip, db }) => fromSave(await restoreRevision(db, input.entity, user, input.id, input.revision, input.version, ip)),
);

/** The Markdown preview: the same sanitised rendering as the public pages. */
export const previewMarkdown = adminAction(
  { role: "CONTRIBUTOR", schema: z.object({ text: z.string().catch("") }) },
  async ({ input }) => ({
    status: "ok",
    html: renderMarkdown(input.text.slice(0, 60_000)),
  }),
);
