import { hasRole } from "@/lib/auth/roles";
import type { PublicationStatus, UserRole } from "@/lib/db/generated/enums";
import type { ModelInfo, RecordMeta } from "./definition";

export interface Actor {
  id: number;
  role: UserRole;
}

/**
 * Editors and admins edit everything; contributors only what they created, while it is a draft.
 * Vocabularies are edited by editors.
 */
export function canEdit(
  user: Actor,
  info: ModelInfo & { editRole: UserRole },
  meta: Pick<RecordMeta, "status" | "createdById" | "deletedAt">,
): boolean {
  if (meta.deletedAt) return false;
  if (hasRole(user.role, "EDITOR")) return true;
  if (!hasRole(user.role, info.editRole)) return false;
  return info.workflow && meta.createdById === user.id && meta.status === "DRAFT";
}

export type TransitionName = "submit" | "publish" | "return" | "archive" | "unarchive";

export interface Transition {
  from: PublicationStatus[];
  to: PublicationStatus;
  /** Contributors may submit their own drafts; everything else needs an editor. */
  role: UserRole;
  audit: string;
  label: string;
}

export const transitions: Record<TransitionName, Transition> = {
  submit: { from: ["DRAFT"], to: "IN_REVIEW", role: "CONTRIBUTOR", audit: "entity.submitted", label: "Soumettre en relecture" },
  publish: { from: ["DRAFT", "IN_REVIEW", "ARCHIVED"], to: "PUBLISHED", role: "EDITOR", audit: "entity.published", label: "Publier" },
  return: { from: ["IN_REVIEW", "PUBLISHED"], to: "DRAFT", role: "EDITOR", audit: "entity.returned", label: "Renvoyer en brouillon" },
  archive: { from: ["PUBLISHED"], to: "ARCHIVED", role: "EDITOR", audit: "entity.archived", label: "Archiver" },
  unarchive: { from: ["ARCHIVED"], to: "DRAFT", role: "EDITOR", audit: "entity.returned", label: "Remettre en brouillon" },
};

export function canTransition(user: Actor, meta: Pick<RecordMeta, "status" | "createdById" | "deletedAt">, name: TransitionName): boolean {
  const transition = transitions[name];
  if (meta.deletedAt || !meta.status || !transition.from.includes(meta.status)) return false;
  if (hasRole(user.role, "EDITOR")) return true;
  return transition.role === "CONTRIBUTOR" && meta.createdById === user.id;
}

export function canTrash(
  user: Actor,
  info: ModelInfo & { editRole: UserRole },
  meta: Pick<RecordMeta, "status" | "createdById" | "deletedAt">,
): boolean {
  return canEdit(user, info, meta);
}
