import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { acceptProposal, assignProposalToMe, declineProposal } from "@/app/admin/_actions/proposals";
import { sendCorrection, sendProposal } from "@/app/proposer/actions";
import { AccessDenied } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/connect";
import { proposalsHolder } from "@/lib/personal-data/holders/proposals";
import { correctionEntry } from "@/lib/proposals/entries";
import { SITE_BUCKET, PROPOSAL_RATE_LIMITS } from "@/lib/proposals/intake";
import { getProposal, listProposals, openProposalCount } from "@/lib/proposals/moderation";
import { deleteExpiredProposals } from "@/lib/proposals/retention";
import { makeUser } from "../support/accounts";
import { makeActor, makeInitiative, makeLesson } from "../support/factories";
import { callAction, sessionOf } from "../support/server-actions";

// The real server actions and moderation functions on a real database; only the session and
// the client's address are stubbed.
const caller: { user: SessionUser | null; ip: string } = { user: null, ip: "198.51.100.1" };
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => caller.user }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": caller.ip }),
  cookies: async () => ({ get: () => undefined }),
}));

const db = createPrismaClient();

const call = callAction;

let addressCounter = 0;
/** Each test sends from its own address, so that the per-address limit is only met where it is tested. */
const freshAddress = () => `198.51.100.${++addressCounter}`;

let approachIds: string[];
const valid = () => ({
  title: "Un atelier de théâtre-forum sur les discriminations",
  body: "Des habitants jouent des scènes vécues de discrimination, le public les rejoue pour chercher d'autres issues.",
  territories: ["59512"],
  approaches: approachIds,
  carrier: "Centre social de l'Alma",
  proposerName: "Camille Martin",
  proposerEmail: "Camille.Martin@exemple.fr",
  proposerRole: "Animatrice",
  contactConsent: "on",
  publicContactConsent: "on",
});

let editor: SessionUser;
let contributor: SessionUser;
let published: { id: number; slug: string };

const session = sessionOf;

beforeAll(async () => {
  approachIds = (await db.approach.findMany({ take: 2, orderBy: { id: "asc" }, select: { id: true } })).map((a) => String(a.id));
  expect(approachIds).toHaveLength(2);
  editor = session(await makeUser(db, "EDITOR"));
  contributor = session(await makeUser(db, "CONTRIBUTOR"));
  published = await makeInitiative(db, { slug: "permanence-juridique-a-corriger", places: ["59512"] });
});

beforeEach(async () => {
  caller.user = null;
  caller.ip = freshAddress();
  await db.$executeRaw`DELETE FROM "ApiRateBucket" WHERE client = ${SITE_BUCKET}`;
});

const proposalCount = () => db.proposal.count();
/** Subjects of the messages queued for `email` (ADR 012), oldest first. */
const queuedFor = async (email: string) =>
  (
    await db.$queryRaw<
      { subject: string }[]
    >`SELECT data->>'subject' AS subject FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email} ORDER BY created_on, id`
  ).map((row) => row.subject);

describe("« Proposer une initiative », without an account", () => {
  it("stores a valid proposal with its consents and their date, in the queue, and thanks the visitor", async () => {
    const before = new Date();
    expect(await call(sendProposal, valid())).toEqual({ redirect: "/proposer/merci" });
    const stored = await db.proposal.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(stored).toMatchObject({
      kind: "NEW",
      status: "RECEIVED",
      title: valid().title,
      territoryCodes: ["59512"],
      approachIds: approachIds.map(Number),
      proposerEmail: "camille.martin@exemple.fr",
      createdInitiativeId: null,
    });
    expect(stored.contactConsentAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(stored.publicContactConsentAt).not.toBeNull();
    // Nothing the visitor typed nor their address goes into the journal, kept for good.
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "proposal.received", entityId: String(stored.id) } });
    expect(event).toMatchObject({ entityType: "PROPOSAL", userId: null, ip: null });
    expect(JSON.stringify(event.details)).not.toMatch(/Camille|exemple\.fr|198\.51/);
    // Queued with it: the proposer's acknowledgement, and a message to the moderators that names nobody.
    expect(await queuedFor("camille.martin@exemple.fr")).toContain(`Bien reçu : proposition « ${valid().title} »`);
    const [moderatorMail] = await db.$queryRaw<
      { data: string }[]
    >`SELECT data::text FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${editor.email} ORDER BY created_on DESC LIMIT 1`;
    expect(moderatorMail!.data).toContain(`/admin/propositions/${stored.id}`);
    expect(moderatorMail!.data).not.toMatch(/Camille|camille\.martin/);
  });

  it("keeps unticked consents as no consent", async () => {
    const { contactConsent: _c, publicContactConsent: _p, ...withoutConsents } = valid();
    expect(await call(sendProposal, withoutConsents)).toEqual({ redirect: "/proposer/merci" });
    expect(await db.proposal.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      contactConsentAt: null,
      publicContactConsentAt: null,
    });
  });

  it("refuses missing, oversized, invisible-character and link-stuffed fields with French field errors, storing nothing", async () => {
    const count = await proposalCount();
    const cases: [Record<string, string | string[]>, string, RegExp][] = [
      [{ title: "" }, "title", /obligatoire/],
      [{ body: "Trop court" }, "body", /au moins 20 caractères/],
      [{ body: "x".repeat(5001) }, "body", /ne peut pas dépasser 5\s000 caractères/],
      [
        { body: "Voir https://a.example, https://b.example, www.c.example et http://d.example pour tout savoir." },
        "body",
        /trop d'adresses web \(3 au plus\)/,
      ],
      [{ title: "Gagnez de l'argent sur https://spam.example" }, "title", /ne peut pas contenir d'adresse web/],
      [{ title: "Titre\u0000 piégé" }, "title", /caractère invisible/],
      [{ territories: [] }, "territories", /au moins un lieu/],
      [{ territories: ["59512; DROP TABLE"] }, "territories", /Territoire invalide/],
      [{ proposerEmail: "pas-une-adresse" }, "proposerEmail", /n'est pas valide/],
      [{ proposerName: "" }, "proposerName", /obligatoire/],
    ];
    for (const [change, field, message] of cases) {
      const state = await call(sendProposal, { ...valid(), ...change });
      expect(state, JSON.stringify(change).slice(0, 80)).toMatchObject({
        status: "invalid",
        fieldErrors: { [field]: [expect.stringMatching(message)] },
      });
    }
    expect(await proposalCount()).toBe(count);
  });

  it("refuses a filled honeypot with a French message, storing and sending nothing", async () => {
    const count = await proposalCount();
    const robot = "robot@exemple.fr";
    expect(await call(sendProposal, { ...valid(), proposerEmail: robot, remarque: "Buy now" })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/champ invisible.*Rien n'a été enregistré/),
    });
    expect(await proposalCount()).toBe(count);
    expect(await queuedFor(robot)).toEqual([]);
  });

  it("limits one address to a few proposals, then refuses with when to try again, storing nothing more", async () => {
    const count = await proposalCount();
    for (let i = 0; i < PROPOSAL_RATE_LIMITS.perAddress.capacity; i++)
      expect(await call(sendProposal, valid())).toEqual({ redirect: "/proposer/merci" });
    const refused = await call(sendProposal, valid());
    expect(refused).toMatchObject({
      status: "error",
      message: expect.stringMatching(/plusieurs messages en peu de temps : réessayez dans \d+ minutes/),
    });
    expect(await proposalCount()).toBe(count + PROPOSAL_RATE_LIMITS.perAddress.capacity);
    // A correction from the same address counts against the same bucket.
    expect(
      await call(sendCorrection, {
        entry: "initiative",
        slug: published.slug,
        body: "Le numéro de téléphone a changé.",
        proposerName: "Camille Martin",
        proposerEmail: "c@exemple.fr",
      }),
    ).toMatchObject({ status: "error" });
    caller.ip = freshAddress();
    expect(await call(sendProposal, valid())).toEqual({ redirect: "/proposer/merci" });
  });

  it("refuses every address once the site's bucket is empty", async () => {
    await db.$executeRaw`INSERT INTO "ApiRateBucket" (client, tokens, at) VALUES (${SITE_BUCKET}, 0, clock_timestamp())`;
    const count = await proposalCount();
    expect(await call(sendProposal, valid())).toMatchObject({ status: "error", message: expect.stringMatching(/trop de propositions/) });
    expect(await proposalCount()).toBe(count);
  });
});

describe("« Signaler une correction »", () => {
  const correction = () => ({
    entry: "initiative",
    slug: published.slug,
    body: "La permanence a lieu le mardi, plus le jeudi.",
    proposerName: "Sam Durand",
    proposerEmail: "sam@exemple.fr",
    contactConsent: "on",
  });

  it("stores a correction linked to the published entry, and refuses one about an entry that is not published", async () => {
    expect(await call(sendCorrection, correction())).toEqual({ redirect: `/proposer/merci?fiche=initiatives/${published.slug}` });
    expect(await db.proposal.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      kind: "CORRECTION",
      initiativeId: published.id,
      title: null,
    });
    const draft = await makeInitiative(db, { slug: "brouillon-pas-public", status: "DRAFT" });
    const count = await proposalCount();
    expect(await call(sendCorrection, { ...correction(), slug: draft.slug })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/n'est plus publiée/),
    });
    expect(await call(sendCorrection, { ...correction(), slug: "../admin" })).toMatchObject({ status: "invalid" });
    expect(await call(sendCorrection, { ...correction(), entry: "source" })).toMatchObject({ status: "invalid" });
    expect(await proposalCount()).toBe(count);
  });

  const entries = {
    actor: {
      make: (slug: string, status: "PUBLISHED" | "DRAFT") => makeActor(db, { slug, name: `Centre social ${slug}`, status }),
      path: "acteurs",
      column: "actorId",
    },
    lesson: {
      make: (slug: string, status: "PUBLISHED" | "DRAFT") => makeLesson(db, { slug, title: `Leçon ${slug}`, status }),
      path: "enseignements",
      column: "lessonId",
    },
  } as const;

  for (const [kind, { make, path, column }] of Object.entries(entries)) {
    it(`takes a correction about a published ${kind}: linked, listed, named in the mails, accepted into its edit page`, async () => {
      const entry = await make(`${kind}-a-corriger`, "PUBLISHED");
      const name = "name" in entry ? entry.name : entry.title;
      const email = `${kind}@exemple.fr`;
      const sent = { ...correction(), entry: kind, slug: entry.slug, proposerEmail: email };
      expect(await call(sendCorrection, sent)).toEqual({ redirect: `/proposer/merci?fiche=${path}/${entry.slug}` });
      const stored = await db.proposal.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(stored).toMatchObject({
        kind: "CORRECTION",
        initiativeId: null,
        actorId: null,
        lessonId: null,
        [column]: entry.id,
      });

      const subject = `correction de la fiche « ${name} »`;
      expect(await queuedFor(email)).toEqual([`Bien reçu : ${subject}`]);
      expect(await queuedFor(editor.email)).toContain(`Nouvelle proposition reçue (correction ou complément) sur la fiche « ${name} »`);

      const queued = await listProposals(editor, "a-traiter");
      const row = queued.find((p) => p.id === stored.id)!;
      expect(correctionEntry(row)).toEqual({ kind, id: entry.id, slug: entry.slug, title: name });
      expect((await getProposal(editor, stored.id))!.entry).toEqual({ kind, id: entry.id, slug: entry.slug, title: name });
      const exported = await proposalsHolder.find(db, email);
      expect(exported[0]!.data["Fiche concernée"]).toBe(`${name} (/${path}/${entry.slug})`);

      caller.user = editor;
      expect(await call(acceptProposal, { id: stored.id, note: "Merci, c'est corrigé." })).toEqual({
        redirect: `/admin/${path}/${entry.id}`,
      });
      expect(await queuedFor(email)).toEqual([`Bien reçu : ${subject}`, `Acceptée : ${subject}`]);
    });

    it(`refuses a correction about a ${kind} that is not published or does not exist, storing nothing`, async () => {
      const draft = await make(`${kind}-brouillon`, "DRAFT");
      const count = await proposalCount();
      for (const slug of [draft.slug, `${kind}-inconnu`])
        expect(await call(sendCorrection, { ...correction(), entry: kind, slug })).toMatchObject({
          status: "error",
          message: expect.stringMatching(/n'est plus publiée : votre message n'a pas été enregistré/),
        });
      expect(await proposalCount()).toBe(count);
    });
  }

  it("keeps a correction whose lesson was deleted, about no entry any more", async () => {
    const lesson = await makeLesson(db, { slug: "lecon-supprimee" });
    const base = { body: "B", proposerName: "N", proposerEmail: "n@exemple.fr" };
    const orphan = await db.proposal.create({ data: { ...base, kind: "CORRECTION", lessonId: lesson.id } });
    await db.lesson.delete({ where: { id: lesson.id } });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ lessonId: null, actorId: null });
    expect((await getProposal(editor, orphan.id))!.entry).toBeNull();
  });
});

describe("moderation", () => {
  async function propose(fields = valid()) {
    caller.user = null;
    caller.ip = freshAddress();
    expect(await call(sendProposal, fields)).toEqual({ redirect: "/proposer/merci" });
    return db.proposal.findFirstOrThrow({ orderBy: { id: "desc" } });
  }

  it("is refused to visitors and contributors, in the actions and in lib/", async () => {
    const proposal = await propose();
    for (const user of [null, contributor]) {
      caller.user = user;
      const status = user ? 403 : 401;
      expect(await call(acceptProposal, { id: proposal.id })).toMatchObject({ status: "denied", httpStatus: status });
      expect(await call(declineProposal, { id: proposal.id, reason: "Hors sujet." })).toMatchObject({
        status: "denied",
        httpStatus: status,
      });
      expect(await call(assignProposalToMe, { id: proposal.id })).toMatchObject({ status: "denied", httpStatus: status });
    }
    await expect(listProposals(contributor, "a-traiter")).rejects.toBeInstanceOf(AccessDenied);
    await expect(getProposal(contributor, proposal.id)).rejects.toBeInstanceOf(AccessDenied);
    await expect(openProposalCount(contributor)).rejects.toBeInstanceOf(AccessDenied);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: "RECEIVED", assigneeId: null });
  });

  it("lists what is open with its count, assigns, and accepting a new one creates a linked draft prefilled from it", async () => {
    const proposal = await propose();
    caller.user = editor;
    expect((await listProposals(editor, "a-traiter")).map((p) => p.id)).toContain(proposal.id);
    expect(await openProposalCount(editor)).toBeGreaterThanOrEqual(1);

    expect(await call(assignProposalToMe, { id: proposal.id })).toEqual({ redirect: `/admin/propositions/${proposal.id}` });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "ASSIGNED",
      assigneeId: editor.id,
    });

    const accepted = await call(acceptProposal, { id: proposal.id, note: "Merci, nous la publions bientôt." });
    const after = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(accepted).toEqual({ redirect: `/admin/initiatives/${after.createdInitiativeId}?cree=1` });
    expect(after).toMatchObject({ status: "ACCEPTED", decisionMessage: "Merci, nous la publions bientôt." });
    expect(after.decidedAt).not.toBeNull();

    const draft = await db.initiative.findUniqueOrThrow({
      where: { id: after.createdInitiativeId! },
      include: { territories: true, approaches: true },
    });
    expect(draft).toMatchObject({
      status: "DRAFT",
      title: proposal.title,
      createdById: editor.id,
      contactName: "Camille Martin",
      contactEmail: "camille.martin@exemple.fr",
      contactConsent: true,
    });
    expect(draft.description).toContain(proposal.body);
    expect(draft.description).toContain("Centre social de l'Alma");
    expect(draft.territories.map((t) => t.territoryCode)).toEqual(["59512"]);
    expect(draft.approaches.map((a) => a.approachId).sort()).toEqual(approachIds.map(Number).sort());
    // Created through the editorial engine: a first revision and the journal's events.
    expect(await db.revision.count({ where: { entityType: "INITIATIVE", entityId: draft.id, version: 1 } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "proposal.accepted", entityId: String(proposal.id), userId: editor.id } })).toBe(1);
    // Not public: a draft.
    expect(await db.initiative.count({ where: { id: draft.id, status: "PUBLISHED" } })).toBe(0);

    // Accepting again makes no second draft.
    expect(await call(acceptProposal, { id: proposal.id })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/déjà été traitée/),
    });
    expect(await db.initiative.count({ where: { title: proposal.title! } })).toBe(1);
  });

  it("copies the proposer as public contact only with that consent", async () => {
    const { publicContactConsent: _p, ...fields } = valid();
    const proposal = await propose({ ...fields, title: "Une proposition sans contact public" } as ReturnType<typeof valid>);
    caller.user = editor;
    await call(acceptProposal, { id: proposal.id });
    const { createdInitiativeId } = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(await db.initiative.findUniqueOrThrow({ where: { id: createdInitiativeId! } })).toMatchObject({
      contactName: null,
      contactEmail: null,
      contactConsent: false,
    });
  });

  it("declines with a required message, and a correction accepted leads to the entry's edit page", async () => {
    const proposal = await propose();
    caller.user = editor;
    expect(await call(declineProposal, { id: proposal.id, reason: "" })).toMatchObject({
      status: "invalid",
      fieldErrors: { reason: [expect.stringMatching(/pourquoi/)] },
    });
    expect(await call(declineProposal, { id: proposal.id, reason: "Hors du champ de Repères." })).toEqual({
      redirect: `/admin/propositions/${proposal.id}`,
    });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "DECLINED",
      decisionMessage: "Hors du champ de Repères.",
      createdInitiativeId: null,
    });
    const [decision] = await db.$queryRaw<
      { text: string }[]
    >`SELECT data->>'text' AS text FROM pgboss.job WHERE name = 'mail' AND data->>'subject' = ${`Non retenue : proposition « ${proposal.title} »`}`;
    expect(decision!.text).toContain("Hors du champ de Repères.");
    expect(await call(acceptProposal, { id: proposal.id })).toMatchObject({ status: "error" });

    caller.user = null;
    caller.ip = freshAddress();
    await call(sendCorrection, {
      entry: "initiative",
      slug: published.slug,
      body: "Le site web a changé d'adresse.",
      proposerName: "Sam Durand",
      proposerEmail: "sam@exemple.fr",
    });
    const correction = await db.proposal.findFirstOrThrow({ where: { kind: "CORRECTION" }, orderBy: { id: "desc" } });
    caller.user = editor;
    const initiativesBefore = await db.initiative.count();
    expect(await call(acceptProposal, { id: correction.id })).toEqual({ redirect: `/admin/initiatives/${published.id}` });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: correction.id } })).toMatchObject({ status: "ACCEPTED" });
    expect(await db.initiative.count()).toBe(initiativesBefore);
  });
});

describe("retention of proposers' data", () => {
  it("deletes the proposals decided more than the retention ago, and only those", async () => {
    const base = { kind: "NEW" as const, title: "T", body: "B", proposerName: "N", proposerEmail: "n@exemple.fr" };
    const now = new Date("2027-06-15T12:00:00Z");
    const old = await db.proposal.create({ data: { ...base, status: "DECLINED", decidedAt: new Date("2026-06-14T12:00:00Z") } });
    const recent = await db.proposal.create({ data: { ...base, status: "ACCEPTED", decidedAt: new Date("2026-06-16T12:00:00Z") } });
    const undecided = await db.proposal.create({ data: { ...base, createdAt: new Date("2020-01-01T00:00:00Z") } });
    expect(await deleteExpiredProposals(db, now, 12)).toBe(1);
    expect(await db.proposal.count({ where: { id: old.id } })).toBe(0);
    expect(await db.proposal.count({ where: { id: { in: [recent.id, undecided.id] } } })).toBe(2);
  });
});
