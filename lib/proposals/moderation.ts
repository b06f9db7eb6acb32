import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { AccessDenied } from "@/lib/auth/errors";
import { hasRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";
import type { Prisma } from "@/lib/db/generated/client";
import type { ProposalStatus } from "@/lib/db/generated/enums";
import { saveRecord } from "@/lib/editorial/engine";
import { initiativeDefinition } from "@/lib/editorial/entities/initiative";
import { emptyValues, type FormValues } from "@/lib/editorial/form-values";
import type { Actor } from "@/lib/editorial/permissions";
import { CORRECTION_ENTRY_INCLUDE, correctionEntry, entryAdminPath, entryColumn } from "./entries";
import { notifyProposalDecided } from "./notify";
import { retentionLimit } from "./retention";

/**
 * The moderation queue of what visitors sent. Proposals hold personal data and their decision
 * publishes nothing by itself, but it starts an entry: the editors' and admins' work, like
 * review. Every read and every change checks the caller's role here.
 */
const MODERATION_DENIED = "Les propositions reçues sont réservées aux éditeurs et administrateurs.";

/** Whether the caller may see the queue (menu, dashboard). */
export const canModerate = (user: Actor) => hasRole(user.role, "EDITOR");

function requireModerator(user: Actor): void {
  if (!canModerate(user)) throw new AccessDenied(403, MODERATION_DENIED);
}

const OPEN: ProposalStatus[] = ["RECEIVED", "ASSIGNED"];

export type ProposalQueue = "a-traiter" | "traitees";

/**
 * The queue, oldest first, or the decided ones, latest first. A read only: the daily retention
 * job deletes the expired ones (lib/jobs/scheduled.ts); until it runs, they are not listed.
 */
export async function listProposals(user: Actor, queue: ProposalQueue) {
  requireModerator(user);
  return prisma.proposal.findMany({
    where: queue === "a-traiter" ? { status: { in: OPEN } } : { status: { notIn: OPEN }, decidedAt: { gte: retentionLimit() } },
    orderBy: queue === "a-traiter" ? { createdAt: "asc" } : { decidedAt: "desc" },
    take: 200,
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      createdAt: true,
      decidedAt: true,
      ...CORRECTION_ENTRY_INCLUDE,
      assignee: { select: { name: true } },
    },
  });
}

export async function openProposalCount(user: Actor): Promise<number> {
  requireModerator(user);
  return prisma.proposal.count({ where: { status: { in: OPEN } } });
}

/** One proposal with what it names, labelled (places, approaches). */
export async function getProposal(user: Actor, id: number) {
  requireModerator(user);
  return readProposal(prisma, id);
}

async function readProposal(db: Database, id: number) {
  const proposal = await db.proposal.findUnique({
    where: { id },
    include: {
      ...CORRECTION_ENTRY_INCLUDE,
      createdInitiative: { select: { id: true, title: true } },
      assignee: { select: { id: true, name: true } },
    },
  });
  if (!proposal) return null;
  const [territories, approaches] = await Promise.all([
    db.territory.findMany({
      where: { code: { in: proposal.territoryCodes } },
      select: { code: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.approach.findMany({
      where: { id: { in: proposal.approachIds }, deletedAt: null },
      select: { id: true, label: true },
      orderBy: { label: "asc" },
    }),
  ]);
  return { ...proposal, entry: correctionEntry(proposal), open: OPEN.includes(proposal.status), territories, approaches };
}

export type ProposalDetail = NonNullable<Awaited<ReturnType<typeof readProposal>>>;

/** Where a proposal is read in the back office. */
export const proposalPath = (id: number) => `/admin/propositions/${id}`;

export type ModerationOutcome = { ok: true; message: string; href?: string } | { ok: false; message: string };

const ALREADY_DECIDED: ModerationOutcome = { ok: false, message: "Cette proposition a déjà été traitée entre-temps : rechargez la page." };
const GONE: ModerationOutcome = { ok: false, message: "Cette proposition n'existe plus (supprimée après son délai de conservation ?)." };

/**
 * Changes a proposal still in the queue, with its journal event (and the proposer's message for
 * a decision), under the row lock: of two moderators acting at once, the second changes nothing.
 */
async function changeOpen(
  db: Database,
  user: Actor,
  id: number,
  data: Prisma.ProposalUncheckedUpdateManyInput,
  event: { action: string; details?: Prisma.InputJsonValue; ip?: string },
): Promise<ModerationOutcome | null> {
  const done = await db.$transaction(async (tx) => {
    const changed = await tx.proposal.updateMany({ where: { id, status: { in: OPEN } }, data });
    if (changed.count === 0) return false;
    await recordAudit(tx, {
      userId: user.id,
      action: event.action,
      entityType: "PROPOSAL",
      entityId: id,
      details: event.details,
      ip: event.ip,
    });
    if (data.decidedAt) await notifyProposalDecided(tx, id);
    return true;
  });
  if (done) return null;
  return (await db.proposal.count({ where: { id } })) ? ALREADY_DECIDED : GONE;
}

export async function assignProposalToMe(db: Database, user: Actor, id: number, ip?: string): Promise<ModerationOutcome> {
  requireModerator(user);
  return (
    (await changeOpen(db, user, id, { status: "ASSIGNED", assigneeId: user.id }, { action: "proposal.assigned", ip })) ?? {
      ok: true,
      message: "La proposition vous est attribuée.",
      href: proposalPath(id),
    }
  );
}

export async function declineProposal(db: Database, user: Actor, id: number, message: string, ip?: string): Promise<ModerationOutcome> {
  requireModerator(user);
  const decided = { status: "DECLINED" as const, decisionMessage: message, decidedAt: new Date(), assigneeId: user.id };
  return (
    (await changeOpen(db, user, id, decided, { action: "proposal.declined", ip })) ?? {
      ok: true,
      message: "Proposition déclinée.",
      href: proposalPath(id),
    }
  );
}

class AlreadyDecided extends Error {}

/** Two or three sentences for the lists: the description's start, cut at a word. */
export function summaryFrom(text: string, max = 600): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/**
 * The draft's fields from a new-initiative proposal: what the visitor wrote, the places and
 * approaches that still exist, and the proposer as the public contact only with that consent.
 */
function draftValues(proposal: ProposalDetail): FormValues {
  const carrier = proposal.carrier ? `\n\nPorté par (d'après la proposition) : ${proposal.carrier}` : "";
  const publicContact = proposal.publicContactConsentAt !== null;
  return {
    ...emptyValues(initiativeDefinition.fields),
    title: proposal.title ?? "",
    summary: summaryFrom(proposal.body),
    description: `${proposal.body}${carrier}`,
    territories: proposal.territories.map((t) => t.code),
    approaches: proposal.approaches.map((a) => String(a.id)),
    ...(publicContact
      ? {
          contactName: proposal.proposerName,
          contactRole: proposal.proposerRole ?? "",
          contactEmail: proposal.proposerEmail,
          contactConsent: true,
        }
      : {}),
  };
}

/**
 * Accepts a proposal. A new initiative becomes a draft through the editorial engine (revision,
 * journal, search read model as for any creation), marked accepted and linked in the same
 * transaction, so that two moderators accepting at once make one draft. A correction is marked
 * accepted and leads to the entry's edit page: the change itself goes through the normal
 * editing, with its history.
 */
export async function acceptProposal(
  db: Database,
  user: Actor,
  id: number,
  message: string | null,
  ip?: string,
): Promise<ModerationOutcome> {
  requireModerator(user);
  const proposal = await readProposal(db, id);
  if (!proposal) return GONE;
  if (!proposal.open) return ALREADY_DECIDED;
  const decided = {
    status: "ACCEPTED" as const,
    decisionMessage: message,
    decidedAt: new Date(),
    assigneeId: proposal.assignee?.id ?? user.id,
  };

  if (proposal.kind === "CORRECTION") {
    const { entry } = proposal;
    const refused = await changeOpen(db, user, id, decided, {
      action: "proposal.accepted",
      details: entry ? { [entryColumn(entry.kind)]: entry.id } : undefined,
      ip,
    });
    if (refused) return refused;
    return entry
      ? { ok: true, message: "Correction acceptée : faites la modification sur la fiche.", href: entryAdminPath(entry) }
      : { ok: true, message: "Correction acceptée (la fiche concernée n'existe plus)." };
  }

  try {
    const outcome = await saveRecord(
      db,
      initiativeDefinition,
      user,
      {
        values: draftValues(proposal),
        comment: `Créée depuis la proposition n° ${id}`,
        afterCreate: async (tx, initiativeId) => {
          const changed = await tx.proposal.updateMany({
            where: { id, status: { in: OPEN } },
            data: { ...decided, createdInitiativeId: initiativeId },
          });
          if (changed.count === 0) throw new AlreadyDecided();
          await recordAudit(tx, {
            userId: user.id,
            action: "proposal.accepted",
            entityType: "PROPOSAL",
            entityId: id,
            details: { initiativeId },
            ip,
          });
          await notifyProposalDecided(tx, id);
        },
      },
      ip,
    );
    if (outcome.kind === "saved")
      return { ok: true, message: "Proposition acceptée : le brouillon est créé.", href: `/admin/initiatives/${outcome.id}?cree=1` };
    if (outcome.kind === "invalid") {
      const details = Object.values(outcome.fieldErrors).flat().join(" ");
      return {
        ok: false,
        message: `Le brouillon n'a pas pu être créé depuis cette proposition${details ? ` : ${details}` : "."} Créez l'initiative à la main, puis déclinez ou acceptez la proposition.`,
      };
    }
    return { ok: false, message: "Le brouillon n'a pas pu être créé : rechargez la page." };
  } catch (error) {
    if (error instanceof AlreadyDecided) return ALREADY_DECIDED;
    throw error;
  }
}
