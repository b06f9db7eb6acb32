import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveMailPreferences } from "@/app/admin/_actions/account";
import { sendProposal } from "@/app/proposer/actions";
import { requestPasswordReset } from "@/lib/accounts/password-reset-request";
import type { SessionUser } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/connect";
import type { EntityDefinition } from "@/lib/editorial/definition";
import { saveRecord, transitionRecord } from "@/lib/editorial/engine";
import { emptyValues } from "@/lib/editorial/form-values";
import { definitionByPath } from "@/lib/editorial/registry";
import { MAIL_QUEUE } from "@/lib/mail/queue";
import { makeUser } from "../support/accounts";
import { callAction as submit, sessionOf } from "../support/server-actions";

// The real action, workflow and queue; only the session and the client's address are stubbed.
const caller: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => caller.user }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.80" }),
  cookies: async () => ({ get: () => undefined }),
}));

const db = createPrismaClient();
const initiatives = definitionByPath("initiatives") as EntityDefinition<unknown>;

/** Subjects queued for `email` since the test began. */
const subjectsTo = async (email: string) =>
  (
    await db.$queryRaw<{ subject: string }[]>`
      SELECT data->>'subject' AS subject FROM pgboss.job WHERE name = ${MAIL_QUEUE} AND data->>'to' = ${email} ORDER BY created_on, id`
  ).map((row) => row.subject);

let quietEditor: SessionUser;
let editor: SessionUser;
let quietAuthor: SessionUser;
let author: SessionUser;

async function draftBy(user: SessionUser, title: string): Promise<number> {
  const saved = await saveRecord(db, initiatives, user, {
    values: { ...emptyValues(initiatives.fields), title, summary: "Un résumé assez long pour passer la validation." },
  });
  if (saved.kind !== "saved") throw new Error(JSON.stringify(saved));
  return saved.id;
}

beforeAll(async () => {
  [quietEditor, editor, quietAuthor, author] = (
    await Promise.all([makeUser(db, "EDITOR"), makeUser(db, "EDITOR"), makeUser(db, "CONTRIBUTOR"), makeUser(db, "CONTRIBUTOR")])
  ).map(sessionOf) as [SessionUser, SessionUser, SessionUser, SessionUser];
});

beforeEach(async () => {
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${MAIL_QUEUE}`;
});

describe("each staff member's choice of notification mails (/admin/compte)", () => {
  it("is saved per user from the form, journaled, and refuses an unknown kind", async () => {
    caller.user = quietEditor;
    expect(await submit(saveMailPreferences, {})).toMatchObject({ status: "ok" });
    caller.user = quietAuthor;
    // A contributor is offered only the mails about their own entries: turning the review mails
    // off is not theirs to do, and they stay on for when they become an editor.
    expect(await submit(saveMailPreferences, { receive: ["entry_sent_back", "review_requested"] })).toMatchObject({ status: "ok" });
    expect(await submit(saveMailPreferences, { receive: ["newsletter"] })).toMatchObject({
      status: "invalid",
      fieldErrors: { receive: [expect.stringMatching(/inconnu/)] },
    });

    const optOuts = async (user: SessionUser) => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).mailOptOuts;
    expect((await optOuts(quietEditor)).sort()).toEqual(["entry_published", "entry_sent_back", "new_proposal", "review_requested"]);
    expect(await optOuts(quietAuthor)).toEqual(["entry_published"]);
    expect(await optOuts(editor)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "user.mail_preferences_changed", userId: quietAuthor.id } })).toBe(1);

    caller.user = null;
    expect(await submit(saveMailPreferences, {})).toMatchObject({ status: "denied", httpStatus: 401 });
  });

  it("sends the review request only to the editor who wants it", async () => {
    const id = await draftBy(author, "Jardin partagé des Aubiers");
    expect(await transitionRecord(db, initiatives, author, id, "submit", undefined)).toMatchObject({ ok: true });
    expect(await subjectsTo(editor.email)).toEqual(["À relire : Jardin partagé des Aubiers"]);
    expect(await subjectsTo(quietEditor.email)).toEqual([]);
  });

  it("tells each author of their entry sent back or published, as each chose", async () => {
    const quiet = await draftBy(quietAuthor, "Permanence d'accès aux droits");
    const loud = await draftBy(author, "Café des parents");
    for (const [user, id] of [
      [quietAuthor, quiet],
      [author, loud],
    ] as const) {
      await transitionRecord(db, initiatives, user, id, "submit", undefined);
      expect(await transitionRecord(db, initiatives, editor, id, "return", "Précisez le quartier.")).toMatchObject({ ok: true });
      await transitionRecord(db, initiatives, user, id, "submit", undefined);
      expect(await transitionRecord(db, initiatives, editor, id, "publish", undefined)).toMatchObject({ ok: true });
    }
    // The quiet author kept « renvoyé en brouillon » and turned « publié » off.
    expect(await subjectsTo(quietAuthor.email)).toEqual(["Renvoyé en brouillon : Permanence d'accès aux droits"]);
    expect(await subjectsTo(author.email)).toEqual(["Renvoyé en brouillon : Café des parents", "Publié : Café des parents"]);
  });

  it("tells only the moderators who want it of a new proposal", async () => {
    const approach = await db.approach.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect(
      await submit(sendProposal, {
        title: "Un atelier de théâtre-forum",
        body: "Des habitants jouent des scènes vécues de discrimination, le public les rejoue pour chercher d'autres issues.",
        territories: ["59512"],
        approaches: [String(approach.id)],
        proposerName: "Camille Martin",
        proposerEmail: "camille.martin@exemple.fr",
        contactConsent: "on",
      }),
    ).toEqual({ redirect: "/proposer/merci" });
    expect(await subjectsTo(editor.email)).toEqual(["Nouvelle proposition reçue (nouvelle initiative)"]);
    expect(await subjectsTo(quietEditor.email)).toEqual([]);
  });

  it("never holds back a security mail", async () => {
    await requestPasswordReset(db, quietEditor.email, "198.51.100.81");
    expect(await subjectsTo(quietEditor.email)).toHaveLength(1);
  });
});
