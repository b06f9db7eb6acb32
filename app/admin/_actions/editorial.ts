"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formText } from "@/lib/validation/text";
import { recordId, recordVersion } from "@/lib/validation/integer";
import { guarded } from "@/lib/admin/guarded-action";
import type { FormState } from "@/lib/admin/form-state";
import { requireUser } from "@/lib/auth/guards";
import type { UserRole } from "@/lib/db/generated/enums";
import { renderMarkdown } from "@/lib/content/markdown";
import { prisma } from "@/lib/db/client";
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
import { requestIp } from "@/lib/http/request-context";

const target = z.object({
  entity: z.string().max(40),
  id: recordId,
});
const optionalVersion = recordVersion.optional();
// Over-long comments are cut rather than refused: the record itself matters more.
const revisionComment = formText("Le commentaire").transform((value) => value.trim().slice(0, 500));

function entityOf(formData: FormData): EntityDefinition<unknown> | null {
  return definitionByPath(String(formData.get("entity") ?? "")) ?? null;
}

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

const BAD_REQUEST: FormState = { status: "error", message: "Requête invalide : rechargez la page." };

/** Creates (no id) or updates a record of any editorial type. */
export async function saveEntity(_previous: FormState, formData: FormData): Promise<FormState> {
  let created: { path: string; id: number } | null = null;
  const state = await guarded(async () => {
    const user = await requireUser("CONTRIBUTOR");
    const def = entityOf(formData);
    if (!def) return BAD_REQUEST;
    const rawId = formData.get("id");
    const id = rawId ? target.shape.id.safeParse(rawId) : null;
    const version = optionalVersion.safeParse(formData.get("version") ?? undefined);
    if ((id && !id.success) || !version.success) return BAD_REQUEST;
    const comment = revisionComment.safeParse(formData.get("comment") ?? "");
    if (!comment.success) return { status: "invalid", message: "Le formulaire contient des erreurs.", fieldErrors: { comment: [comment.error.issues[0]!.message] } };
    const outcome = await saveRecord(
      prisma,
      def,
      user,
      { id: id?.data, version: version.data, values: readFormValues(formData, def.fields), comment: comment.data },
      await requestIp(),
    );
    if (outcome.kind === "saved" && !id) created = { path: def.path, id: outcome.id };
    return fromSave(outcome);
  });
  if (created) {
    const { path, id } = created;
    redirect(`/admin/${path}/${id}?cree=1`);
  }
  return state;
}

const transitionSchema = target.extend({
  transition: z.enum(["submit", "publish", "return", "archive", "unarchive"]),
  comment: revisionComment.optional(),
});

export async function changeStatus(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const user = await requireUser("CONTRIBUTOR");
    const parsed = transitionSchema.safeParse(Object.fromEntries(formData));
    const def = entityOf(formData);
    const badComment = parsed.error?.issues.find((issue) => issue.path[0] === "comment");
    if (badComment) return { status: "invalid", message: "Le formulaire contient des erreurs.", fieldErrors: { comment: [badComment.message] } };
    if (!parsed.success || !def) return BAD_REQUEST;
    return fromOutcome(await transitionRecord(prisma, def, user, parsed.data.id, parsed.data.transition, parsed.data.comment?.trim(), await requestIp()));
  });
}

type RecordOperation = (db: typeof prisma, def: EntityDefinition<unknown>, user: Awaited<ReturnType<typeof requireUser>>, id: number, ip: string) => Promise<ActionOutcome>;

/** The shape shared by the one-button actions: a role, an { entity, id } target, an engine call. */
function recordAction(role: UserRole, operation: RecordOperation) {
  return (formData: FormData) =>
    guarded(async () => {
      const user = await requireUser(role);
      const parsed = target.safeParse(Object.fromEntries(formData));
      const def = entityOf(formData);
      if (!parsed.success || !def) return BAD_REQUEST;
      return fromOutcome(await operation(prisma, def, user, parsed.data.id, await requestIp()));
    });
}

const verify = recordAction("EDITOR", markVerified);
const trash = recordAction("CONTRIBUTOR", trashRecord);
const untrash = recordAction("EDITOR", untrashRecord);

export async function markAsVerified(_previous: FormState, formData: FormData): Promise<FormState> {
  return verify(formData);
}

export async function moveToTrash(_previous: FormState, formData: FormData): Promise<FormState> {
  return trash(formData);
}

export async function restoreFromTrash(_previous: FormState, formData: FormData): Promise<FormState> {
  return untrash(formData);
}

export async function deletePermanently(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const user = await requireUser("ADMIN");
    const parsed = target.extend({ confirm: z.literal("SUPPRIMER", "Tapez SUPPRIMER pour confirmer.") }).safeParse(Object.fromEntries(formData));
    const def = entityOf(formData);
    if (!def) return BAD_REQUEST;
    if (!parsed.success) return { status: "invalid", message: "Tapez SUPPRIMER pour confirmer la suppression définitive.", fieldErrors: { confirm: ["Tapez SUPPRIMER pour confirmer."] } };
    return fromOutcome(await purgeRecord(prisma, def, user, parsed.data.id, await requestIp()));
  });
}

export async function restoreVersion(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const user = await requireUser("CONTRIBUTOR");
    const parsed = target.extend({ revision: recordId, version: recordVersion }).safeParse(Object.fromEntries(formData));
    const def = entityOf(formData);
    if (!parsed.success || !def) return BAD_REQUEST;
    const { id, revision, version } = parsed.data;
    return fromSave(await restoreRevision(prisma, def, user, id, revision, version, await requestIp()));
  });
}

/** The Markdown preview: the same sanitised rendering as the public pages. */
export async function previewMarkdown(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    await requireUser("CONTRIBUTOR");
    const text = String(formData.get("text") ?? "").slice(0, 60_000);
    return { status: "ok", html: renderMarkdown(text) };
  });
}
