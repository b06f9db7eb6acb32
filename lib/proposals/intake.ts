import "server-only";
import { takeToken } from "@/lib/api/rate-limit";
import { recordAudit } from "@/lib/audit/log";
import type { RateLimit } from "@/lib/config/env";
import type { Database } from "@/lib/db/connect";
import type { Prisma } from "@/lib/db/generated/client";
import { entryColumn, findPublishedEntry } from "./entries";
import { notifyProposalReceived } from "./notify";
import { HONEYPOT_FIELD, type CorrectionInput, type ProposalInput } from "./schema";

/**
 * How much a visitor may send, counted in PostgreSQL like the API's limit (ADR 010), in buckets
 * of their own: per address, and for the whole site so that many addresses together cannot
 * flood the moderation queue. Each refills within the hour, so that the API's pruning of buckets
 * idle for an hour only ever deletes full ones.
 */
export const PROPOSAL_RATE_LIMITS: { perAddress: RateLimit; site: RateLimit } = {
  perAddress: { capacity: 5, refillPerSecond: 5 / 3600 },
  site: { capacity: 60, refillPerSecond: 60 / 3600 },
};

export const SITE_BUCKET = "propositions:site";
const addressBucket = (ip: string) => `propositions:${ip}`;

export type IntakeOutcome = { ok: true; id: number } | { ok: false; message: string };

/** Shared with the other visitors' forms (lib/subscriptions). */
export const HONEYPOT_MESSAGE =
  "Votre envoi a été refusé : un champ invisible, qui sert à repérer les envois automatiques, a été rempli. Rien n'a été enregistré. Si vous n'êtes pas un robot, rechargez la page et envoyez à nouveau.";

/**
 * The checks a visitor's submission passes before anything is stored: the honeypot, then the
 * address's bucket, then the site's (an address already refused does not use up the site's).
 */
async function refusal(db: Database, input: { [HONEYPOT_FIELD]: string }, ip: string): Promise<string | null> {
  if (input[HONEYPOT_FIELD].trim() !== "") return HONEYPOT_MESSAGE;
  const own = await takeToken(db, addressBucket(ip), PROPOSAL_RATE_LIMITS.perAddress);
  if (!own.allowed)
    return `Vous avez déjà envoyé plusieurs messages en peu de temps : réessayez dans ${waitText(own.retryAfter)}. Rien n'a été enregistré.`;
  const site = await takeToken(db, SITE_BUCKET, PROPOSAL_RATE_LIMITS.site);
  if (!site.allowed)
    return `Le site reçoit en ce moment trop de propositions : réessayez dans ${waitText(site.retryAfter)}. Rien n'a été enregistré.`;
  return null;
}

export function waitText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "une minute" : `${minutes} minutes`;
}

const consentDate = (given: boolean, now: Date) => (given ? now : null);

/**
 * Stores a submission whose checks passed, with its journal event: without the address or
 * anything the visitor typed, since the journal is kept for good and the proposal only until
 * some months after its decision.
 */
async function store(db: Database, data: Prisma.ProposalUncheckedCreateInput): Promise<IntakeOutcome> {
  const id = await db.$transaction(async (tx) => {
    const { id } = await tx.proposal.create({ data, select: { id: true } });
    await recordAudit(tx, {
      action: "proposal.received",
      entityType: "PROPOSAL",
      entityId: id,
      details: {
        kind: data.kind,
        initiativeId: data.initiativeId ?? undefined,
        actorId: data.actorId ?? undefined,
        lessonId: data.lessonId ?? undefined,
      },
    });
    await notifyProposalReceived(tx, id);
    return id;
  });
  return { ok: true, id };
}

/** « Proposer une initiative ». */
export async function receiveProposal(db: Database, input: ProposalInput, ip: string): Promise<IntakeOutcome> {
  const refused = await refusal(db, input, ip);
  if (refused) return { ok: false, message: refused };
  const now = new Date();
  return store(db, {
    kind: "NEW",
    title: input.title,
    body: input.body,
    carrier: input.carrier,
    territoryCodes: input.territories,
    approachIds: input.approaches,
    proposerName: input.proposerName,
    proposerEmail: input.proposerEmail,
    proposerRole: input.proposerRole,
    contactConsentAt: consentDate(input.contactConsent, now),
    publicContactConsentAt: consentDate(input.publicContactConsent, now),
  });
}

/** « Signaler une correction ou un complément » about a published initiative, actor or lesson. */
export async function receiveCorrection(db: Database, input: CorrectionInput, ip: string): Promise<IntakeOutcome> {
  const entry = await findPublishedEntry(db, input.entry, input.slug);
  if (!entry) return { ok: false, message: "Cette fiche n'est plus publiée : votre message n'a pas été enregistré." };
  const refused = await refusal(db, input, ip);
  if (refused) return { ok: false, message: refused };
  return store(db, {
    kind: "CORRECTION",
    body: input.body,
    [entryColumn(entry.kind)]: entry.id,
    proposerName: input.proposerName,
    proposerEmail: input.proposerEmail,
    proposerRole: input.proposerRole,
    contactConsentAt: consentDate(input.contactConsent, new Date()),
  });
}
