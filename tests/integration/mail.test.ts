import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestPasswordReset } from "@/lib/accounts/password-reset-request";
import { createAccount, findValidToken } from "@/lib/accounts/users";
import { createPrismaClient } from "@/lib/db/connect";
import type { EntityDefinition } from "@/lib/editorial/definition";
import { saveRecord, transitionRecord } from "@/lib/editorial/engine";
import { emptyValues } from "@/lib/editorial/form-values";
import { definitionByPath } from "@/lib/editorial/registry";
import { countDeadLetters, listDeadLetters, settleDeadLetter } from "@/lib/mail/dead-letters";
import { passwordResetMail } from "@/lib/mail/messages/password-reset";
import { enqueueMail, MAIL_QUEUE } from "@/lib/mail/queue";
import { renderMail } from "@/lib/mail/template";
import { createMailTransport } from "@/lib/mail/transport";
import { startMailWorker, type MailWorker } from "@/lib/mail/worker";
import { makeUser } from "../support/accounts";
import { parseMail, startSmtpSink, type SmtpSink } from "../support/smtp-sink";

const SITE = "https://reperes.example.org";
process.env.NEXTAUTH_URL = SITE;
const FROM = "Repères <ne-pas-repondre@reperes.example.org>";
const db = createPrismaClient();
const initiatives = definitionByPath("initiatives") as EntityDefinition<unknown>;
let sink: SmtpSink;

const settings = () => ({ from: FROM, smtpUrl: sink.url, dropDir: "/nonexistent", siteUrl: SITE });
const mailsTo = async (email: string) => Promise.all(sink.received.filter((raw) => raw.includes(`To: ${email}`)).map(parseMail));
const jobsTo = (email: string) =>
  db.$queryRaw<
    { id: string; state: string }[]
  >`SELECT id::text, state::text FROM pgboss.job WHERE name = ${MAIL_QUEUE} AND data->>'to' = ${email}`;
const links = (text: string) => text.match(/https?:\/\/[^\s"<>]+/g) ?? [];

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await db.$disconnect();
});

describe("delivery through SMTP", () => {
  let worker: MailWorker;
  beforeAll(async () => {
    worker = await startMailWorker({ databaseUrl: process.env.DATABASE_URL!, settings: settings(), pollingIntervalSeconds: 0.5 });
  });
  afterAll(() => worker.stop());

  it("mails an invitation: headers, both French parts, the same absolute one-time link, nothing about the inviting admin", async () => {
    const admin = await makeUser(db, "ADMIN");
    const email = `invitee.${process.pid}@test.reperes`;
    const before = sink.received.length;
    const { invitationToken } = await createAccount(db, { email, name: "Camille Invitée", role: "EDITOR" }, { userId: admin.id });
    await sink.waitFor(before + 1);
    const [mail] = await mailsTo(email);

    expect(mail!.from!.text).toBe('"Repères" <ne-pas-repondre@reperes.example.org>');
    expect(mail!.to).toMatchObject({ value: [{ address: email }] });
    expect(mail!.subject).toBe("Votre invitation à l'espace équipe de Repères");
    expect(mail!.messageId).toMatch(/^<[0-9a-f-]{36}@reperes\.example\.org>$/);
    expect(Math.abs(mail!.date!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(mail!.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(mail!.text).toContain("Un compte « Éditeur » vient d'être créé pour vous");
    expect(mail!.html).toContain('<html lang="fr">');
    const link = `${SITE}/connexion/mot-de-passe?jeton=${invitationToken}`;
    expect(links(mail!.text!)).toEqual([link]);
    expect(mail!.html).toContain(`href="${link}"`);
    expect(await findValidToken(db, invitationToken!)).not.toBeNull();
    const raw = sink.received.find((r) => r.includes(`To: ${email}`))!;
    expect(raw).not.toContain(admin.email);
    expect(raw).not.toContain("ADMIN");
  });

  it("tells editors of a submission and the author of the decision, never naming the author to editors", async () => {
    const editor = await makeUser(db, "EDITOR");
    const author = await makeUser(db, "CONTRIBUTOR");
    const saved = await saveRecord(db, initiatives, author, {
      values: {
        ...emptyValues(initiatives.fields),
        title: "Jardin partagé des Aubiers",
        summary: "Un résumé assez long pour passer la validation.",
      },
    });
    if (saved.kind !== "saved") throw new Error(JSON.stringify(saved));
    const before = sink.received.length;

    expect((await transitionRecord(db, initiatives, author, saved.id, "submit", undefined)).ok).toBe(true);
    await vi.waitFor(async () => expect((await mailsTo(editor.email)).length).toBe(1), { timeout: 10_000 });
    const [review] = await mailsTo(editor.email);
    expect(review!.subject).toBe("À relire : Jardin partagé des Aubiers");
    expect(links(review!.text!)).toEqual([`${SITE}/admin/initiatives/${saved.id}`]);
    const reviewRaw = sink.received.slice(before).find((r) => r.includes(`To: ${editor.email}`))!;
    expect(reviewRaw).not.toContain(author.email);
    expect(reviewRaw).not.toContain("CONTRIBUTOR");
    expect(await mailsTo(author.email)).toEqual([]);

    expect(await transitionRecord(db, initiatives, editor, saved.id, "return", "Précisez le quartier.")).toMatchObject({ ok: true });
    await vi.waitFor(async () => expect((await mailsTo(author.email)).length).toBe(1), { timeout: 10_000 });
    const [sentBack] = await mailsTo(author.email);
    expect(sentBack!.subject).toBe("Renvoyé en brouillon : Jardin partagé des Aubiers");
    expect(sentBack!.text).toContain("Commentaire de la relecture : Précisez le quartier.");
    expect(sentBack!.text).not.toContain(editor.email);

    expect((await transitionRecord(db, initiatives, editor, saved.id, "publish", undefined)).ok).toBe(true);
    await vi.waitFor(async () => expect((await mailsTo(author.email)).length).toBe(2), { timeout: 10_000 });
    const published = (await mailsTo(author.email)).find((m) => m.subject?.startsWith("Publié"));
    const slug = (await db.initiative.findUniqueOrThrow({ where: { id: saved.id } })).slug;
    expect(links(published!.text!)).toEqual([`${SITE}/initiatives/${slug}`]);
  });

  it("answers alike for an unknown address, queues nothing for it, and throttles a flood of requests for one address", async () => {
    const unknown = `nobody.${process.pid}@test.reperes`;
    expect(await requestPasswordReset(db, unknown, "203.0.113.9")).toEqual({ kind: "accepted" });
    expect(await jobsTo(unknown)).toEqual([]);
    const user = await makeUser(db, "CONTRIBUTOR");
    const outcomes = [];
    for (const ip of ["203.0.113.10", "203.0.113.11", "203.0.113.12", "203.0.113.13"])
      outcomes.push((await requestPasswordReset(db, user.email, ip)).kind);
    expect(outcomes).toEqual(["accepted", "accepted", "accepted", "throttled"]);
    expect(await jobsTo(user.email)).toHaveLength(3);
    await vi.waitFor(async () => expect((await mailsTo(user.email)).length).toBe(3), { timeout: 10_000 });
  });

  it("lists a message refused once retries are spent as a dead letter, and sends it again with its Message-ID", async () => {
    const email = `refused.${process.pid}@test.reperes`;
    sink.refused.add(email);
    const messageId = await enqueueMail(
      db,
      email,
      renderMail({ subject: "Refusé d'abord", paragraphs: ["Essai."], reason: "Test." }),
      SITE,
    );
    // The retries are spent: the first refusal is the last.
    await db.$executeRaw`UPDATE pgboss.job SET retry_limit = 0 WHERE data->>'to' = ${email}`;
    await vi.waitFor(async () => expect(await listDeadLetters(db)).toHaveLength(1), { timeout: 10_000, interval: 200 });
    const [dead] = await listDeadLetters(db);
    expect(dead).toMatchObject({ to: email, subject: "Refusé d'abord" });
    expect(dead!.error).toContain("550 Mailbox unavailable");
    expect(await countDeadLetters(db)).toBe(1);
    // Kept a month for the admins (twice the mail queue's 15 days).
    const [kept] = await db.$queryRaw<
      { days: number }[]
    >`SELECT extract(day FROM keep_until - now())::int AS days FROM pgboss.job WHERE id = ${dead!.id}::uuid`;
    expect(kept!.days).toBeGreaterThanOrEqual(29);

    sink.refused.delete(email);
    const admin = await makeUser(db, "ADMIN");
    expect(await settleDeadLetter(db, dead!.id, true, { userId: admin.id })).toBe(true);
    expect(await settleDeadLetter(db, dead!.id, true, { userId: admin.id })).toBe(false);
    await vi.waitFor(async () => expect((await mailsTo(email)).length).toBe(1), { timeout: 10_000 });
    expect((await mailsTo(email))[0]!.messageId).toBe(messageId);
    expect(await countDeadLetters(db)).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "mail.resent", userId: admin.id } })).toBe(1);
  });
});

describe("without SMTP_URL", () => {
  it("writes each message as an .eml file named by its Message-ID into the drop folder, rewritten by a retry", async () => {
    const dropDir = mkdtempSync(path.join(os.tmpdir(), "reperes-mail-drop-"));
    const transport = createMailTransport({ from: FROM, dropDir, siteUrl: SITE });
    const mail = {
      messageId: "0f0e0d0c-1111-4222-8333-444455556666@reperes.example.org",
      to: "local@test.reperes",
      ...passwordResetMail({ link: `${SITE}/connexion/mot-de-passe?jeton=abc`, validHours: 24 }),
    };
    await transport.deliver(mail);
    await transport.deliver(mail);
    transport.close();
    const file = "0f0e0d0c-1111-4222-8333-444455556666_reperes.example.org.eml";
    expect(readdirSync(dropDir)).toEqual([file]);
    const parsed = await parseMail(readFileSync(path.join(dropDir, file), "utf8"));
    expect(parsed).toMatchObject({ subject: "Réinitialisation de votre mot de passe Repères", messageId: `<${mail.messageId}>` });
    expect(parsed.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(links(parsed.text!)).toEqual([`${SITE}/connexion/mot-de-passe?jeton=abc`]);
    expect(parsed.html).toContain(`href="${SITE}/connexion/mot-de-passe?jeton=abc"`);
    rmSync(dropDir, { recursive: true });
  });
});

describe("the queue", () => {
  it("drops a message queued in a transaction that rolls back", async () => {
    const email = `rolled-back.${process.pid}@test.reperes`;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMail(tx, email, renderMail({ subject: "Jamais", paragraphs: ["Jamais envoyé."], reason: "Test." }), SITE);
        expect(await tx.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE data->>'to' = ${email}`).toHaveLength(1);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await jobsTo(email)).toEqual([]);
  });
});

describe("the queue across a restart of the worker or of the database", () => {
  const children: ChildProcess[] = [];
  const root = path.resolve(import.meta.dirname, "../..");
  function startWorkerProcess() {
    // tsx as a loader of this very process: its command line would run the script in a grandchild, which SIGKILL would miss.
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/mail-worker-process.ts"], {
      cwd: root,
      env: { ...process.env, SMTP_URL: sink.url, MAIL_FROM: FROM, REPERES_LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    return new Promise<ChildProcess>((resolve) =>
      child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve(child)),
    );
  }
  afterAll(() => children.forEach((child) => child.exitCode === null && child.kill("SIGKILL")));

  it("delivers the message once after a restart", async () => {
    const user = await makeUser(db, "EDITOR");
    const held = sink.holdNext(`To: ${user.email}`);
    const first = await startWorkerProcess();
    expect(await requestPasswordReset(db, user.email, "198.51.100.7")).toEqual({ kind: "accepted" });
    await held;
    const exited = new Promise((resolve) => first.once("exit", resolve));
    first.kill("SIGKILL");
    await exited;
    expect(await mailsTo(user.email)).toEqual([]);
    const [job] = await jobsTo(user.email);
    expect(job!.state).toBe("active");
    // The two minutes of the job's expiry pass, and its retry is due at once.
    await db.$executeRaw`UPDATE pgboss.job SET started_on = now() - expire_in - interval '1 second', retry_delay = 0 WHERE id = ${job!.id}::uuid`;

    await startWorkerProcess();
    await vi.waitFor(async () => expect((await jobsTo(user.email))[0]!.state).toBe("completed"), { timeout: 20_000, interval: 200 });
    expect(await mailsTo(user.email)).toHaveLength(1);
    expect((await jobsTo(user.email)).length).toBe(1);
  });

  it("delivers the message once when the database goes away between enqueue and delivery, and comes back", async () => {
    const user = await makeUser(db, "EDITOR");
    const url = new URL(process.env.DATABASE_URL!);
    const database = decodeURIComponent(url.pathname.slice(1));
    url.pathname = "/postgres";
    const server = new pg.Client({ connectionString: url.toString() });
    await server.connect();
    const worker = await startWorkerProcess();
    // What a restart of PostgreSQL does to the worker: its sessions end, new ones are refused.
    // The test's own client keeps the session it opened before, to queue the message meanwhile.
    await server.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
    try {
      const ended = await server.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'reperes-mail'`,
        [database],
      );
      expect(ended.rowCount).toBeGreaterThan(0);
      expect(await requestPasswordReset(db, user.email, "198.51.100.8")).toEqual({ kind: "accepted" });
      // The outage lasts several of the worker's polls (every 0.5 s): nothing can be delivered.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(await mailsTo(user.email)).toEqual([]);
      expect((await jobsTo(user.email)).map((job) => job.state)).toEqual(["created"]);
      expect(worker.exitCode).toBeNull();
    } finally {
      await server.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
      await server.end();
    }
    await vi.waitFor(async () => expect((await jobsTo(user.email))[0]!.state).toBe("completed"), { timeout: 20_000, interval: 200 });
    expect(await mailsTo(user.email)).toHaveLength(1);
    expect(await jobsTo(user.email)).toHaveLength(1);
  });
});
