import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ParsedMail } from "mailparser";
import { followSelection } from "@/app/suivre/actions";
import { POST as oneClick } from "@/app/suivre/desabonner/un-clic/route";
import type { FormState } from "@/lib/admin/form-state";
import { createPrismaClient } from "@/lib/db/connect";
import PgBoss from "pg-boss";
import { RETENTION_JOB, runDigests, runRetentionSweeps, scheduledJobs } from "@/lib/jobs/scheduled";
import { MAIL_QUEUE, QUEUE_SCHEMA } from "@/lib/mail/queue";
import { startMailWorker, type MailWorker } from "@/lib/mail/worker";
import { recordSearch, askedUnifiedSearch } from "@/lib/search/insights";
import {
  confirmSubscription,
  deleteSubscriptionsOf,
  INVALID_CONFIRM_LINK,
  listSubscriptionsOf,
  subscribe,
} from "@/lib/subscriptions/subscriptions";
import type { SubscribeInput } from "@/lib/subscriptions/schema";
import { makeInitiative, makeLesson } from "../support/factories";
import { parseMail, startSmtpSink, type SmtpSink } from "../support/smtp-sink";

const SITE = "https://reperes.example.org";
process.env.NEXTAUTH_URL = SITE;
const caller = { ip: "203.0.113.1" };
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": caller.ip }),
  cookies: async () => ({ get: () => undefined }),
}));
// The action stores and mails after its answer (next/server's after): the test awaits that work.
const afterTasks: Promise<unknown>[] = [];
vi.mock("next/server", () => ({ after: (task: () => Promise<unknown>) => afterTasks.push(task()) }));

const db = createPrismaClient();
let sink: SmtpSink;
let worker: MailWorker;
let counter = 0;
const freshIp = () => `203.0.113.${++counter}`;
const freshEmail = (name: string) => `${name}.${process.pid}.${++counter}@test.reperes`;

const input = (email: string, liste: SubscribeInput["liste"], filtre: string): SubscribeInput => ({ email, liste, filtre, remarque: "" });
const mailsTo = async (email: string) => Promise.all(sink.received.filter((raw) => raw.includes(`To: ${email}`)).map(parseMail));
const jobsTo = (email: string) =>
  db.$queryRaw<
    { data: { subject: string; text: string } }[]
  >`SELECT data FROM pgboss.job WHERE name = ${MAIL_QUEUE} AND data->>'to' = ${email}`;
const links = (text: string) => text.match(/https?:\/\/[^\s"<>]+/g) ?? [];
const tokenOf = (url: string) => new URL(url).searchParams.get("jeton")!;
/** A header as sent (unfolded). */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines
    .find((line) => line.key === name)
    ?.line.slice(name.length + 1)
    .replace(/\r?\n[ \t]+/g, "")
    .trim();
const unsubscribeHeader = (mail: ParsedMail) => /^<(https:[^>]+)>$/.exec(header(mail, "list-unsubscribe") ?? "")?.[1];

const countTo = (email: string) => sink.received.filter((raw) => raw.includes(`To: ${email}`)).length;

/** The next message to `email`, counted from the call: call it before what sends it. */
async function nextMailTo(email: string): Promise<ParsedMail> {
  const before = countTo(email);
  for (let count = sink.received.length + 1; countTo(email) === before; count++) await sink.waitFor(count);
  const mails = await mailsTo(email);
  expect(mails.length).toBe(before + 1);
  return mails.at(-1)!;
}

/** Subscribes, receives the confirmation message and follows its link. */
async function confirmedSubscription(email: string, liste: SubscribeInput["liste"], filtre: string) {
  const delivered = nextMailTo(email);
  expect(await subscribe(db, input(email, liste, filtre), freshIp())).toMatchObject({ ok: true });
  const mail = await delivered;
  const confirm = links(mail.text!).find((link) => link.includes("/suivre/confirmer"))!;
  expect(await confirmSubscription(db, tokenOf(confirm))).toMatchObject({ ok: true });
  return mail;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  const settings = { from: "Repères <ne-pas-repondre@reperes.example.org>", smtpUrl: sink.url, dropDir: "/nonexistent", siteUrl: SITE };
  // With the app's schedules, as a server registers them (they fire at their cron time only).
  worker = await startMailWorker({
    databaseUrl: process.env.DATABASE_URL!,
    settings,
    pollingIntervalSeconds: 0.5,
    jobs: scheduledJobs(),
    jobPollingIntervalSeconds: 0.5,
  });
});
afterAll(async () => {
  await worker.stop();
  await sink.close();
  await db.$disconnect();
});

describe("« Suivre cette sélection »", () => {
  it("confirms by mail, then mails a digest of a matching publication with one-click unsubscribe headers", async () => {
    const email = freshEmail("suivi");
    const delivered = nextMailTo(email);
    expect(await subscribe(db, input(email, "initiatives", "territoire=59512&tri=titre&page=3&inconnu=1"), freshIp())).toEqual({
      ok: true,
      selection: { list: "INITIATIVES", filter: "territoire=59512" },
    });
    const mail = await delivered;
    expect(mail.subject).toBe("Confirmez votre abonnement à une sélection de Repères");
    expect(mail.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    const unsubscribeUrl = unsubscribeHeader(mail)!;
    expect(unsubscribeUrl).toMatch(new RegExp(`^${SITE}/suivre/desabonner\\?jeton=[\\w-]{43}$`));
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const textLinks = links(mail.text!);
    const confirm = textLinks.find((link) => link.startsWith(`${SITE}/suivre/confirmer?jeton=`))!;
    expect(textLinks).toEqual([`${SITE}/initiatives?territoire=59512`, confirm, unsubscribeUrl]);
    expect(mail.html).toContain(`href="${confirm}"`);
    expect(mail.html).toContain(`href="${unsubscribeUrl}"`);
    expect(mail.text).toContain("Rien ne vous sera envoyé tant que vous n'aurez pas confirmé.");
    // Only hashes are stored.
    const stored = await db.subscriptionToken.findMany({ where: { subscription: { email } } });
    expect(stored).toHaveLength(2);
    for (const row of stored) expect([tokenOf(confirm), tokenOf(unsubscribeUrl)]).not.toContain(row.tokenHash);

    // Unconfirmed: nothing is sent, however new the matching entries.
    await makeInitiative(db, { slug: `avant-confirmation-${counter}`, places: ["59512"] });
    await runDigests(db);
    expect(await jobsTo(email)).toHaveLength(1);

    expect(await confirmSubscription(db, tokenOf(confirm))).toEqual({
      ok: true,
      label: "les initiatives (lieu : Roubaix)",
      path: "/initiatives?territoire=59512",
    });
    expect(await confirmSubscription(db, tokenOf(confirm))).toEqual({ ok: false, message: INVALID_CONFIRM_LINK });

    // Confirmed, but nothing new since: no message.
    await runDigests(db);
    expect(await jobsTo(email)).toHaveLength(1);

    const matching = await makeInitiative(db, { slug: `roubaix-${counter}`, title: "Un café des parents à Roubaix", places: ["59512"] });
    await makeInitiative(db, { slug: `creil-${counter}`, title: "Une initiative à Creil", places: ["60175"] });
    await makeInitiative(db, { slug: `brouillon-${counter}`, title: "Un brouillon à Roubaix", places: ["59512"], status: "DRAFT" });
    const digestDelivered = nextMailTo(email);
    await runDigests(db);
    const digest = await digestDelivered;
    expect(digest.subject).toBe("Repères : 1 nouveauté dans la sélection que vous suivez");
    expect(digest.text).toContain("- Un café des parents à Roubaix (nouvelle)");
    expect(digest.text).toContain("dans la sélection que vous suivez : les initiatives (lieu : Roubaix).");
    expect(digest.html).toContain(`<a href="${SITE}/initiatives/${matching.slug}">Un café des parents à Roubaix</a>`);
    expect(digest.text).not.toContain("Creil");
    expect(digest.text).not.toContain("brouillon");
    expect(header(digest, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const digestUnsubscribe = unsubscribeHeader(digest)!;
    expect(links(digest.text!)).toContain(digestUnsubscribe);

    // Nothing new since that digest: nothing sent.
    await runDigests(db);
    expect(await jobsTo(email)).toHaveLength(2);

    // An update of the entry after the digest is in the next one.
    await db.initiative.update({ where: { id: matching.id }, data: { summary: "Nouveau résumé." } });
    const again = nextMailTo(email);
    await runDigests(db);
    expect((await again).text).toContain("- Un café des parents à Roubaix (mise à jour)");

    // One-click: a mail client's POST, no page, no cookie.
    const body = new URLSearchParams({ "List-Unsubscribe": "One-Click" });
    const response = await oneClick(
      new Request(digestUnsubscribe.replace("/suivre/desabonner", "/suivre/desabonner/un-clic"), { method: "POST", body }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Désabonnement effectué");
    expect(await listSubscriptionsOf(db, email)).toEqual([]);
    expect(await db.subscriptionToken.count({ where: { subscription: { email } } })).toBe(0);
    const twice = await oneClick(
      new Request(digestUnsubscribe.replace("/suivre/desabonner", "/suivre/desabonner/un-clic"), { method: "POST", body }),
    );
    expect(twice.status).toBe(404);
    expect(await twice.text()).toContain("Ce lien de désabonnement n'est plus valable");
  });

  it("follows lessons with the lessons' own filters", async () => {
    const email = freshEmail("lecons");
    await confirmedSubscription(email, "enseignements", "niveau=evaluation-externe&page=2");
    const shown = await makeLesson(db, {
      slug: `evaluee-${counter}`,
      title: "Ce que l'évaluation a montré",
      evidenceLevel: "EXTERNALLY_EVALUATED",
    });
    await makeLesson(db, { slug: `temoignage-${counter}`, title: "Un simple témoignage", evidenceLevel: "TESTIMONY" });
    const delivered = nextMailTo(email);
    await runDigests(db);
    const digest = await delivered;
    expect(digest.text).toContain(`- Ce que l'évaluation a montré (nouvelle)\n  ${SITE}/enseignements/${shown.slug}`);
    expect(digest.text).not.toContain("Un simple témoignage");
    expect(digest.text).toContain("dans la sélection que vous suivez : les enseignements (1 filtre).");
    expect(links(digest.text!)).toContain(`${SITE}/enseignements?niveau=evaluation-externe`);
  });

  it("refuses an expired confirmation link in French, and the page's action answers the same for a known address", async () => {
    const email = freshEmail("expire");
    const when = new Date(Date.now() - 49 * 3600_000);
    await subscribe(db, input(email, "initiatives", "q=jardins"), freshIp(), when);
    const [job] = await jobsTo(email);
    const confirm = links(job!.data.text).find((link) => link.includes("/suivre/confirmer"))!;
    expect(await confirmSubscription(db, tokenOf(confirm))).toEqual({ ok: false, message: INVALID_CONFIRM_LINK });

    // Known or not, the visitor reads the same answer; nothing is mailed again for a followed selection.
    const known = freshEmail("connu");
    await confirmedSubscription(known, "initiatives", "q=jardins");
    const unknown = freshEmail("inconnu");
    const answer = async (address: string) => {
      caller.ip = freshIp();
      const data = new FormData();
      for (const [key, value] of Object.entries({ email: address, liste: "initiatives", filtre: "q=jardins", remarque: "" }))
        data.set(key, value);
      const state = await followSelection({ status: "idle" } as FormState, data);
      await Promise.all(afterTasks.splice(0));
      return state.message!.replace(address, "ADRESSE");
    };
    expect(await answer(known)).toBe(await answer(unknown));
    expect(await jobsTo(known)).toHaveLength(1);
    expect(await jobsTo(unknown)).toHaveLength(1);
  });

  it("refuses a filled honeypot and a flood from one address, storing nothing", async () => {
    const email = freshEmail("robot");
    expect(await subscribe(db, { ...input(email, "initiatives", ""), remarque: "http://spam" }, freshIp())).toMatchObject({
      ok: false,
      message: expect.stringContaining("un champ invisible"),
    });
    const ip = freshIp();
    for (let i = 0; i < 5; i++)
      expect(await subscribe(db, input(freshEmail("flot"), "initiatives", `q=mot${i}`), ip)).toMatchObject({ ok: true });
    expect(await subscribe(db, input(email, "initiatives", "q=trop"), ip)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Vous avez fait plusieurs demandes en peu de temps : réessayez dans/),
    });
    expect(await listSubscriptionsOf(db, email)).toEqual([]);
  });

  it("lists and deletes one address's subscriptions (a person's export and erasure)", async () => {
    const email = freshEmail("personne");
    await subscribe(db, input(email, "initiatives", "q=sport"), freshIp());
    await subscribe(db, input(email, "enseignements", "q=sport"), freshIp());
    expect((await listSubscriptionsOf(db, email.toUpperCase())).map((row) => row.list)).toEqual(["INITIATIVES", "LESSONS"]);
    expect(await deleteSubscriptionsOf(db, email)).toBe(2);
    expect(await listSubscriptionsOf(db, email)).toEqual([]);
  });
});

describe("the daily retention job", () => {
  it("deletes expired search insights, decided proposals and unconfirmed requests, and keeps the rest", async () => {
    const now = new Date("2027-06-15T12:00:00Z");
    const asked = askedUnifiedSearch(`retention-${counter}`, null, "tous", 0);
    await recordSearch(db, asked, new Date("2025-05-20T12:00:00Z"));
    await recordSearch(db, asked, new Date("2025-07-20T12:00:00Z"));
    const proposal = { kind: "NEW" as const, title: "T", body: "B", proposerName: "N", proposerEmail: "n@exemple.fr" };
    const oldProposal = await db.proposal.create({
      data: { ...proposal, status: "DECLINED", decidedAt: new Date("2026-06-14T12:00:00Z") },
    });
    const keptProposal = await db.proposal.create({
      data: { ...proposal, status: "ACCEPTED", decidedAt: new Date("2026-06-16T12:00:00Z") },
    });
    const pending = { email: freshEmail("attente"), list: "INITIATIVES" as const, filter: "" };
    const stale = await db.subscription.create({ data: { ...pending, createdAt: new Date("2027-06-13T11:00:00Z") } });
    const fresh = await db.subscription.create({ data: { ...pending, createdAt: new Date("2027-06-14T13:00:00Z") } });
    const confirmed = await db.subscription.create({
      data: { ...pending, createdAt: new Date("2020-01-01T00:00:00Z"), confirmedAt: new Date("2020-01-01T01:00:00Z") },
    });

    const deleted = await runRetentionSweeps(db, now);
    expect(deleted.searchInsights).toBeGreaterThanOrEqual(1);
    expect(deleted.proposals).toBeGreaterThanOrEqual(1);
    expect(deleted.unconfirmedSubscriptions).toBeGreaterThanOrEqual(1);
    const months = await db.searchInsight.findMany({ where: { query: asked.query }, select: { month: true } });
    expect(months.map((row) => row.month.toISOString().slice(0, 7))).toEqual(["2025-07"]);
    expect(await db.proposal.count({ where: { id: { in: [oldProposal.id, keptProposal.id] } } })).toBe(1);
    expect(await db.proposal.count({ where: { id: keptProposal.id } })).toBe(1);
    const left = await db.subscription.findMany({ where: { id: { in: [stale.id, fresh.id, confirmed.id] } }, select: { id: true } });
    expect(left.map((row) => row.id)).toEqual([fresh.id, confirmed.id]);
  });

  it("is scheduled with pg-boss: daily sweeps and a weekly digest, in French time", async () => {
    const schedules = await db.$queryRaw<{ name: string; cron: string; timezone: string }[]>`
      SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`;
    expect(schedules).toEqual(
      scheduledJobs()
        .map((job) => ({ name: job.name, cron: job.cron, timezone: "Europe/Paris" }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it("runs when pg-boss starts it: a job of the retention queue is worked by the app's worker", async () => {
    const stale = await db.subscription.create({
      data: { email: freshEmail("ancienne"), list: "INITIATIVES", filter: "", createdAt: new Date(Date.now() - 72 * 3600_000) },
    });
    const boss = new PgBoss({
      connectionString: process.env.DATABASE_URL!,
      schema: QUEUE_SCHEMA,
      max: 1,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    try {
      await boss.send(RETENTION_JOB, {});
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    await vi.waitFor(async () => expect(await db.subscription.count({ where: { id: stale.id } })).toBe(0), {
      timeout: 30_000,
      interval: 200,
    });
  });
});
