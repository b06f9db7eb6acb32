/**
 * The public entry a correction is about (ADR 013): an initiative, an actor or a lesson, the
 * Proposal's one set link among initiativeId, actorId and lessonId.
 */
import { prisma } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";
import type { CorrectionEntryKind } from "./schema";

/** The entry's section: its public path and its back-office path (the editorial definitions' `path`). */
export const ENTRY_SECTIONS: Record<CorrectionEntryKind, { path: string; label: string }> = {
  initiative: { path: "initiatives", label: "Initiatives" },
  actor: { path: "acteurs", label: "Acteurs" },
  lesson: { path: "enseignements", label: "Enseignements" },
};

/** How the back office names the kind of entry, before its title. */
export const ENTRY_NOUNS: Record<CorrectionEntryKind, string> = { initiative: "Initiative", actor: "Acteur", lesson: "Enseignement" };

/** « l'acteur « … » » (the three nouns start with a vowel), or the deleted entry, for a line of the queue. */
export const entryLabel = (entry: CorrectionEntry | null) =>
  entry ? `l'${ENTRY_NOUNS[entry.kind].toLowerCase()} « ${entry.title} »` : "« fiche supprimée »";

export type CorrectionEntry = { kind: CorrectionEntryKind; id: number; slug: string; title: string };

/** What a proposal query includes to know its entry. */
export const CORRECTION_ENTRY_INCLUDE = {
  initiative: { select: { id: true, slug: true, title: true } },
  actor: { select: { id: true, slug: true, name: true } },
  lesson: { select: { id: true, slug: true, title: true } },
} as const;

type Ref = { id: number; slug: string };
type WithEntry = {
  initiative: (Ref & { title: string }) | null;
  actor: (Ref & { name: string }) | null;
  lesson: (Ref & { title: string }) | null;
};

/** The entry of a proposal read with CORRECTION_ENTRY_INCLUDE; null for a new initiative or a deleted entry. */
export function correctionEntry(proposal: WithEntry): CorrectionEntry | null {
  if (proposal.initiative) return { kind: "initiative", ...proposal.initiative };
  if (proposal.actor) return { kind: "actor", id: proposal.actor.id, slug: proposal.actor.slug, title: proposal.actor.name };
  if (proposal.lesson) return { kind: "lesson", ...proposal.lesson };
  return null;
}

export const entryPublicPath = (entry: Pick<CorrectionEntry, "kind" | "slug">) => `/${ENTRY_SECTIONS[entry.kind].path}/${entry.slug}`;
export const entryAdminPath = (entry: Pick<CorrectionEntry, "kind" | "id">) => `/admin/${ENTRY_SECTIONS[entry.kind].path}/${entry.id}`;

/** The Proposal column that links to an entry of that kind. */
export const entryColumn = (kind: CorrectionEntryKind) => `${kind}Id` as const;

/** A published, not deleted entry by its slug: what a visitor may send a correction about. */
export async function findPublishedEntry(db: Database, kind: CorrectionEntryKind, slug: string): Promise<CorrectionEntry | null> {
  const where = { slug, status: "PUBLISHED" as const, deletedAt: null };
  const [initiative, actor, lesson] = await Promise.all([
    kind === "initiative" ? db.initiative.findFirst({ where, ...CORRECTION_ENTRY_INCLUDE.initiative }) : null,
    kind === "actor" ? db.actor.findFirst({ where, ...CORRECTION_ENTRY_INCLUDE.actor }) : null,
    kind === "lesson" ? db.lesson.findFirst({ where, ...CORRECTION_ENTRY_INCLUDE.lesson }) : null,
  ]);
  return correctionEntry({ initiative, actor, lesson });
}

/** The entry of a `/<section>/[slug]/signaler` page. */
export const getPublishedEntry = (kind: CorrectionEntryKind, slug: string) => findPublishedEntry(prisma, kind, slug);
