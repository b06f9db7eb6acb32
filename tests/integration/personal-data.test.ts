import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { erasePersonalData } from "@/app/admin/_actions/personal-data";
import { sendProposal } from "@/app/proposer/actions";
import type { SessionUser } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/connect";
import { saveRecord } from "@/lib/editorial/engine";
import { initiativeDefinition } from "@/lib/editorial/entities/initiative";
import { acceptProposal } from "@/lib/proposals/moderation";
import { exportPersonalData, readPersonalData } from "@/lib/personal-data/requests";
import { holders } from "@/lib/personal-data/registry";
import { makeUser } from "../support/accounts";
import { callAction as call, sessionOf } from "../support/server-actions";

// The real actions, lib and database; only the session and the client's address are stubbed.
const caller: { user: SessionUser | null; ip: string } = { user: null, ip: "198.51.100.70" };
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => caller.user }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": caller.ip }),
  cookies: async () => ({ get: () => undefined }),
}));

const db = createPrismaClient();

const PERSON = "lea.dupont@exemple.fr";
const OTHER = "marc.petit@exemple.fr";

let admin: SessionUser;
let editor: SessionUser;
let personDraftId: number;
let otherDraftId: number;

/** A proposal sent from /proposer by `email`, with both consents, accepted by the editor: a draft naming them as contact. */
async function proposeAndAccept(email: string, name: string, title: string, ip: string): Promise<number> {
  caller.user = null;
  caller.ip = ip;
  const approach = await db.approach.findFirstOrThrow({ orderBy: { id: "asc" } });
  expect(
    await call(sendProposal, {
      title,
      body: "Des habitants et des juristes tiennent une permanence mensuelle au centre social du quartier.",
      territories: ["59512"],
      approaches: [String(approach.id)],
      carrier: "Centre social",
      proposerName: name,
      proposerEmail: email,
      proposerRole: "Coordinatrice",
      contactConsent: "on",
      publicContactConsent: "on",
    }),
  ).toEqual({ redirect: "/proposer/merci" });
  const proposal = await db.proposal.findFirstOrThrow({ where: { title } });
  const accepted = await acceptProposal(db, editor, proposal.id, null);
  expect(accepted).toMatchObject({ ok: true });
  return (await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).createdInitiativeId!;
}

const queuedTo = async (email: string) =>
  (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'to' = ${email}`)[0]!.n;

beforeAll(async () => {
  admin = sessionOf(await makeUser(db, "ADMIN"));
  editor = sessionOf(await makeUser(db, "EDITOR"));
  personDraftId = await proposeAndAccept(PERSON, "Léa Dupont", "La permanence juridique de l'Alma", "198.51.100.71");
  otherDraftId = await proposeAndAccept(OTHER, "Marc Petit", "La permanence juridique du Pile", "198.51.100.72");
  // A second version of Léa's draft, still naming her: the history holds her twice.
  const values = (await initiativeDefinition.values(db, personDraftId))!;
  const saved = await saveRecord(db, initiativeDefinition, editor, {
    id: personDraftId,
    version: 1,
    values: { ...values, contactPhone: "03 20 00 00 00" },
  });
  expect(saved).toMatchObject({ kind: "saved", version: 2 });
  // Each follows a selection by e-mail (ADR 017).
  for (const email of [PERSON, OTHER])
    await db.subscription.create({ data: { email, list: "INITIATIVES", filter: "territoire=59512", confirmedAt: new Date() } });
});

beforeEach(() => {
  caller.user = admin;
});

describe("one person's data (/admin/donnees-personnelles)", () => {
  it("is read, exported and erased by admins only", async () => {
    for (const user of [null, editor]) {
      caller.user = user;
      const status = user ? 403 : 401;
      await expect(readPersonalData(PERSON)).rejects.toMatchObject({ status });
      await expect(exportPersonalData(PERSON)).rejects.toMatchObject({ status });
      expect(await call(erasePersonalData, { adresse: PERSON, confirm: "EFFACER" })).toMatchObject({
        status: "denied",
        httpStatus: status,
      });
      const { POST } = await import("@/app/admin/donnees-personnelles/export.json/route");
      const body = new FormData();
      body.set("adresse", PERSON);
      const response = await POST(
        new Request("http://localhost:3000/admin/donnees-personnelles/export.json", {
          method: "POST",
          body,
          headers: { origin: "http://localhost:3000", host: "localhost:3000" },
        }),
      );
      expect(response.status).toBe(status);
    }
    expect(await db.proposal.count({ where: { proposerEmail: PERSON } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "personal_data." } } })).toBe(0);
  });

  it("exports, as a JSON file, the proposals with their consents, the entries naming the person, and the queued mail", async () => {
    const { POST } = await import("@/app/admin/donnees-personnelles/export.json/route");
    const body = new FormData();
    body.set("adresse", " Lea.Dupont@Exemple.fr ");
    const response = await POST(
      new Request("http://localhost:3000/admin/donnees-personnelles/export.json", {
        method: "POST",
        body,
        headers: { origin: "http://localhost:3000", host: "localhost:3000", "x-forwarded-for": "198.51.100.99" },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="donnees-personnelles\.json"$/);
    const exported = (await response.json()) as {
      adresse: string;
      sections: { key: string; elements: { ref: string; data: Record<string, unknown> }[] }[];
    };
    expect(exported.adresse).toBe(PERSON);
    expect(exported.sections.map((s) => s.key)).toEqual(holders.map((h) => h.key));
    const section = (key: string) => exported.sections.find((s) => s.key === key)!.elements;

    const [proposal] = section("proposals");
    expect(section("proposals")).toHaveLength(1);
    expect(proposal!.data).toMatchObject({ Nom: "Léa Dupont", "E-mail": PERSON, Fonction: "Coordinatrice", État: "Acceptée" });
    expect(proposal!.data["Accord pour être contacté (date)"]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(proposal!.data["Accord pour être le contact public (date)"]).toMatch(/^\d{4}-\d\d-\d\dT/);

    expect(section("editorialContacts")).toEqual([
      expect.objectContaining({
        ref: "Initiative « La permanence juridique de l'Alma »",
        data: expect.objectContaining({
          "Nom de la personne à contacter": "Léa Dupont",
          "Téléphone de la personne": "03 20 00 00 00",
          "Versions de l'historique qui la nomment": ["1", "2"],
        }),
      }),
    ]);
    // The acknowledgement and the decision.
    expect(section("mailQueue").map((m) => m.data.Objet)).toEqual([
      "Bien reçu : proposition « La permanence juridique de l'Alma »",
      "Acceptée : proposition « La permanence juridique de l'Alma »",
    ]);
    expect(section("subscriptions").map((s) => s.data)).toEqual([
      expect.objectContaining({ "E-mail": PERSON, Liste: "Initiatives", Filtres: "territoire=59512" }),
    ]);
    expect(section("staffAccount")).toEqual([]);
    expect(JSON.stringify(exported)).not.toMatch(/Marc|marc\.petit/);

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "personal_data.exported" } });
    expect(event).toMatchObject({ userId: admin.id, ip: "198.51.100.99" });
    expect(event.details).toEqual({ found: { proposals: 1, subscriptions: 1, editorialContacts: 1, mailQueue: 2, staffAccount: 0 } });
  });

  it("finds a staff account, and says it is not erased from here", async () => {
    const found = await readPersonalData(editor.email);
    const account = found.find((s) => s.key === "staffAccount")!;
    expect(account.records).toHaveLength(1);
    expect(account.notErased).toMatch(/n'est pas effacé d'ici/);
    expect(await call(erasePersonalData, { adresse: editor.email, confirm: "EFFACER" })).toEqual({
      redirect: `/admin/donnees-personnelles?adresse=${encodeURIComponent(editor.email)}&efface=1`,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: editor.id } })).toMatchObject({ email: editor.email, disabled: false });
  });

  it("refuses an erasure without the typed confirmation, erasing nothing", async () => {
    expect(await call(erasePersonalData, { adresse: PERSON, confirm: "oui" })).toMatchObject({
      status: "invalid",
      fieldErrors: { confirm: [expect.stringMatching(/Tapez EFFACER/)] },
    });
    expect(await db.proposal.count({ where: { proposerEmail: PERSON } })).toBe(1);
  });

  it("erases the proposals, the contact through the editorial engine and its history, and the queued mail; nothing of anyone else", async () => {
    const otherBefore = await db.initiative.findUniqueOrThrow({ where: { id: otherDraftId } });
    const otherRevisions = await db.revision.findMany({ where: { entityId: otherDraftId, entityType: "INITIATIVE" } });
    const otherQueued = await queuedTo(OTHER);
    expect(otherQueued).toBe(2);

    caller.ip = "198.51.100.98";
    expect(await call(erasePersonalData, { adresse: "LEA.DUPONT@exemple.fr", confirm: "EFFACER" })).toEqual({
      redirect: `/admin/donnees-personnelles?adresse=${encodeURIComponent(PERSON)}&efface=1`,
    });

    expect(await db.proposal.count({ where: { proposerEmail: PERSON } })).toBe(0);
    expect(await db.subscription.count({ where: { email: PERSON } })).toBe(0);
    const draft = await db.initiative.findUniqueOrThrow({ where: { id: personDraftId } });
    expect(draft).toMatchObject({
      title: "La permanence juridique de l'Alma",
      contactName: null,
      contactRole: null,
      contactEmail: null,
      contactPhone: null,
      contactConsent: false,
      version: 3,
    });
    // A new version and its journal event, as for any edit; no older version names her.
    const revisions = await db.revision.findMany({
      where: { entityType: "INITIATIVE", entityId: personDraftId },
      orderBy: { version: "asc" },
    });
    expect(revisions.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(revisions[2]!.comment).toMatch(/effacement de données personnelles/);
    expect(JSON.stringify(revisions.map((r) => r.snapshot))).not.toMatch(/Léa|lea\.dupont|03 20 00 00 00/);
    expect(await db.auditEvent.count({ where: { action: "entity.updated", entityId: String(personDraftId), userId: admin.id } })).toBe(1);
    expect(await queuedTo(PERSON)).toBe(0);
    expect((await readPersonalData(PERSON)).every((s) => s.records.length === 0)).toBe(true);

    // Nothing of the other proposer changed.
    expect(await db.proposal.count({ where: { proposerEmail: OTHER } })).toBe(1);
    expect(await db.subscription.count({ where: { email: OTHER } })).toBe(1);
    expect(await db.initiative.findUniqueOrThrow({ where: { id: otherDraftId } })).toEqual(otherBefore);
    expect(await db.revision.findMany({ where: { entityId: otherDraftId, entityType: "INITIATIVE" } })).toEqual(otherRevisions);
    expect(await queuedTo(OTHER)).toBe(otherQueued);

    // Journaled without the address or the data.
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "personal_data.erased" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ userId: admin.id, ip: "198.51.100.98", entityId: null });
    expect(event.details).toEqual({ erased: { proposals: 1, subscriptions: 1, editorialContacts: 1, mailQueue: 2 }, left: 0 });
    const events = await db.auditEvent.findMany({ where: { action: { startsWith: "personal_data." } }, select: { details: true } });
    expect(JSON.stringify(events)).not.toMatch(/lea|dupont|exemple/i);
  });
});
