/**
 * « Suivre cette sélection » (ADR 017): a visitor subscribes by e-mail, without an account, to a
 * filtered public list. Double opt-in: nothing but the confirmation is sent before its single-use
 * link is followed; an unconfirmed request is deleted after 48 hours. Every message carries a
 * one-click unsubscribe link (RFC 8058); unsubscribing deletes the subscription and its address.
 * Links are random tokens stored as SHA-256 hashes only.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { takeToken } from "@/lib/api/rate-limit";
import { normaliseEmail } from "@/lib/auth/throttle";
import type { RateLimit } from "@/lib/config/env";
import { prisma } from "@/lib/db/client";
import type { Database, Queryable } from "@/lib/db/connect";
import type { SubscriptionTokenPurpose } from "@/lib/db/generated/client";
import { subscriptionConfirmMail } from "@/lib/mail/messages/subscriptions";
import { enqueueMail } from "@/lib/mail/queue";
import { absoluteUrl, siteUrl } from "@/lib/opendata/site";
import { HONEYPOT_MESSAGE, waitText } from "@/lib/proposals/intake";
import { HONEYPOT_FIELD } from "@/lib/proposals/schema";
import type { SubscribeInput } from "./schema";
import { LIST_PARAMS, selectionLabel, selectionOf, selectionPath, type Selection } from "./selection";

/** Hours a confirmation link stays valid; the unconfirmed request is deleted after them. */
export const CONFIRM_VALID_HOURS = 48;

/**
 * The buckets of ADR 010, as for the proposals: per address and for the whole site, refused with
 * a message; per e-mail, silently (no message is sent), so that the answer never depends on the
 * e-mail and nobody floods one mailbox from many addresses.
 */
export const SUBSCRIBE_RATE_LIMITS: { perAddress: RateLimit; site: RateLimit; perEmail: RateLimit } = {
  perAddress: { capacity: 5, refillPerSecond: 5 / 3600 },
  site: { capacity: 60, refillPerSecond: 60 / 3600 },
  perEmail: { capacity: 3, refillPerSecond: 3 / 3600 },
};

const hash = (text: string) => createHash("sha256").update(text).digest("hex");

export const INVALID_CONFIRM_LINK =
  "Ce lien de confirmation n'est plus valable : il a déjà servi, ou les 48 heures pour confirmer sont passées. Refaites la demande depuis la liste que vous souhaitez suivre.";
export const INVALID_UNSUBSCRIBE_LINK =
  "Ce lien de désabonnement n'est plus valable : l'abonnement a sans doute déjà été supprimé. Aucun message ne vous sera plus envoyé pour cette sélection.";

/** A new link of a subscription; only its hash is stored. */
export async function issueSubscriptionToken(
  tx: Queryable,
  subscriptionId: number,
  purpose: SubscriptionTokenPurpose,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = purpose === "CONFIRM" ? new Date(now.getTime() + CONFIRM_VALID_HOURS * 3600_000) : null;
  await tx.subscriptionToken.create({ data: { tokenHash: hash(token), subscriptionId, purpose, expiresAt } });
  return token;
}

export const unsubscribeUrl = (token: string) => absoluteUrl(`/suivre/desabonner?jeton=${token}`);

export type AdmitOutcome = { ok: true; selection: Selection } | { ok: false; message: string };

/** The checks shown to the visitor: honeypot, then the address's bucket, then the site's. */
export async function admitSubscription(db: Database, input: SubscribeInput, ip: string): Promise<AdmitOutcome> {
  if (input[HONEYPOT_FIELD].trim() !== "") return { ok: false, message: HONEYPOT_MESSAGE };
  const own = await takeToken(db, `abonnements:${ip}`, SUBSCRIBE_RATE_LIMITS.perAddress);
  if (!own.allowed)
    return { ok: false, message: `Vous avez fait plusieurs demandes en peu de temps : réessayez dans ${waitText(own.retryAfter)}.` };
  const site = await takeToken(db, "abonnements:site", SUBSCRIBE_RATE_LIMITS.site);
  if (!site.allowed)
    return { ok: false, message: `Le site reçoit en ce moment trop de demandes : réessayez dans ${waitText(site.retryAfter)}.` };
  return { ok: true, selection: selectionOf(LIST_PARAMS[input.liste], new URLSearchParams(input.filtre)) };
}

/**
 * Stores the request and queues its confirmation, unless this address already follows this
 * selection (nothing is sent: the visitor's answer is the same) or asked too often. A pending
 * request for the same selection is replaced, its link voided.
 */
export async function startSubscription(db: Database, email: string, selection: Selection, now = new Date()): Promise<void> {
  // The e-mail's bucket is keyed by its hash: the bucket table keeps no address.
  const mailbox = await takeToken(db, `abonnements-courriel:${hash(email)}`, SUBSCRIBE_RATE_LIMITS.perEmail);
  if (!mailbox.allowed) return;
  await db.$transaction(async (tx) => {
    const same = { email, list: selection.list, filter: selection.filter };
    if (await tx.subscription.findFirst({ where: { ...same, confirmedAt: { not: null } }, select: { id: true } })) return;
    await tx.subscription.deleteMany({ where: { ...same, confirmedAt: null } });
    const { id } = await tx.subscription.create({ data: { ...same, createdAt: now }, select: { id: true } });
    const confirm = await issueSubscriptionToken(tx, id, "CONFIRM", now);
    const leave = await issueSubscriptionToken(tx, id, "UNSUBSCRIBE", now);
    const mail = subscriptionConfirmMail({
      selection: await selectionLabel(selection, tx),
      listUrl: absoluteUrl(selectionPath(selection)),
      confirmUrl: absoluteUrl(`/suivre/confirmer?jeton=${confirm}`),
      unsubscribeUrl: unsubscribeUrl(leave),
      validHours: CONFIRM_VALID_HOURS,
    });
    await enqueueMail(tx, email, mail, siteUrl());
  });
}

/** Admission and request in one call (tests, scripts); the page's action does the request after its answer. */
export async function subscribe(db: Database, input: SubscribeInput, ip: string, now = new Date()): Promise<AdmitOutcome> {
  const outcome = await admitSubscription(db, input, ip);
  if (outcome.ok) await startSubscription(db, input.email, outcome.selection, now);
  return outcome;
}

async function tokenRow(db: Queryable, token: string, purpose: SubscriptionTokenPurpose, now: Date) {
  const row = await db.subscriptionToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { tokenHash: true, purpose: true, expiresAt: true, subscription: { select: { id: true, list: true, filter: true } } },
  });
  if (!row || row.purpose !== purpose || (row.expiresAt && row.expiresAt <= now)) return null;
  return row;
}

/** What a confirmation or unsubscribe link is about, or null when it is not valid (the pages read it). */
export async function selectionOfLink(token: string, purpose: SubscriptionTokenPurpose, db: Database = prisma, now = new Date()) {
  const row = await tokenRow(db, token, purpose, now);
  return row && { label: await selectionLabel(row.subscription, db), path: selectionPath(row.subscription) };
}

export type LinkOutcome = { ok: true; label: string; path: string } | { ok: false; message: string };

/** Follows a confirmation link: once, within its 48 hours. Digests cover what changes from now on. */
export async function confirmSubscription(db: Database, token: string, now = new Date()): Promise<LinkOutcome> {
  return db.$transaction(async (tx) => {
    const row = await tokenRow(tx, token, "CONFIRM", now);
    // Deleted under a condition: two clicks at once confirm once.
    if (!row || (await tx.subscriptionToken.deleteMany({ where: { tokenHash: row.tokenHash } })).count === 0)
      return { ok: false, message: INVALID_CONFIRM_LINK };
    await tx.subscription.update({ where: { id: row.subscription.id }, data: { confirmedAt: now, digestedUntil: now } });
    return { ok: true, label: await selectionLabel(row.subscription, tx), path: selectionPath(row.subscription) };
  });
}

/** Follows an unsubscribe link: the subscription, its address and every link of it are deleted. */
export async function unsubscribe(token: string, db: Database = prisma): Promise<boolean> {
  const row = await tokenRow(db, token, "UNSUBSCRIBE", new Date());
  if (!row) return false;
  const { count } = await db.subscription.deleteMany({ where: { id: row.subscription.id } });
  return count === 1;
}

/** Every subscription of one address, for staff's export of a person's data. */
export function listSubscriptionsOf(db: Queryable, email: string) {
  return db.subscription.findMany({
    where: { email: normaliseEmail(email) },
    orderBy: { id: "asc" },
    select: { id: true, email: true, list: true, filter: true, createdAt: true, confirmedAt: true, digestedUntil: true },
  });
}

/** Deletes every subscription of one address (a person's erasure); returns how many went. */
export async function deleteSubscriptionsOf(db: Queryable, email: string): Promise<number> {
  const { count } = await db.subscription.deleteMany({ where: { email: normaliseEmail(email) } });
  return count;
}

/** Deletes the requests never confirmed within their 48 hours (the daily retention job). */
export async function deleteUnconfirmedSubscriptions(db: Queryable, now = new Date()): Promise<number> {
  const { count } = await db.subscription.deleteMany({
    where: { confirmedAt: null, createdAt: { lt: new Date(now.getTime() - CONFIRM_VALID_HOURS * 3600_000) } },
  });
  return count;
}
