import { beforeAll, describe, expect, it, vi } from "vitest";
import { changeStatus, restoreVersion, saveEntity } from "@/app/admin/_actions/editorial";
import { updateTerritoryAliases } from "@/app/admin/_actions/territories";
import { createUser, sendPasswordReset, updateUser } from "@/app/admin/_actions/users";
import type { FormState } from "@/lib/admin/form-state";
import type { SessionUser } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/connect";
import { makeUser } from "../support/accounts";
import { makeInitiative } from "../support/factories";

// Hostile values posted through the real server actions (only the session is stubbed): each is
// a French field error or a refusal, never a thrown error, and nothing stored changes.
const caller: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => caller.user }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined }),
}));

const db = createPrismaClient();
const INVISIBLE = /caractère invisible non autorisé/;

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}
type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
const call = (action: Action, fields: Record<string, string | number>) => action({ status: "idle" }, form(fields));

let initiative: { id: number; version: number; title: string; summary: string; description: string };
let userId: number;

beforeAll(async () => {
  const admin = await makeUser(db, "ADMIN");
  caller.user = { id: admin.id, email: admin.email, name: admin.email, role: "ADMIN", totpEnabled: false, sessionId: "test" };
  initiative = await makeInitiative(db, {
    slug: "initiative-a-modifier",
    title: "Une permanence d'accès au droit",
    summary: "Un résumé assez long pour être enregistré tel quel.",
    places: ["59512"],
    data: { description: "Une description en Markdown." },
  });
  userId = (await makeUser(db, "CONTRIBUTOR")).id;
});

async function unchanged() {
  const now = await db.initiative.findUniqueOrThrow({ where: { id: initiative.id } });
  expect(now).toMatchObject({
    version: initiative.version,
    title: initiative.title,
    summary: initiative.summary,
    description: initiative.description,
  });
}

describe("control characters in form text", () => {
  const edit = (fields: Record<string, string>) =>
    call(saveEntity, {
      entity: "initiatives",
      id: initiative.id,
      version: initiative.version,
      title: initiative.title,
      summary: initiative.summary,
      ...fields,
    });

  it("a NUL or another control character in a single-line or a Markdown field is a French field error, and nothing is saved", async () => {
    for (const [field, value] of [
      ["title", "Titre\u0000 piégé"],
      ["summary", "Un résumé assez long\u0001 avec un caractère de contrôle."],
      ["description", "Paragraphe\n\nsuite\u0000"],
      ["description", "DEL\u007f dans le texte"],
    ] as const) {
      const state = await edit({ [field]: value });
      expect(state, `${field} ${JSON.stringify(value)}`).toMatchObject({
        status: "invalid",
        fieldErrors: { [field]: [expect.stringMatching(INVISIBLE)] },
      });
    }
    await unchanged();
  });

  it("a NUL in the revision comment or the status comment is a field error too", async () => {
    expect(await edit({ comment: "pour\u0000quoi" })).toMatchObject({
      status: "invalid",
      fieldErrors: { comment: [expect.stringMatching(INVISIBLE)] },
    });
    expect(await call(changeStatus, { entity: "initiatives", id: initiative.id, transition: "archive", comment: "\u0000" })).toMatchObject({
      status: "invalid",
      fieldErrors: { comment: [expect.stringMatching(INVISIBLE)] },
    });
    await unchanged();
    expect(await db.initiative.findUniqueOrThrow({ where: { id: initiative.id } })).toMatchObject({ status: "PUBLISHED" });
  });

  it("accounts and territory aliases refuse them as well", async () => {
    expect(await call(createUser, { email: "nul@test.reperes", name: "Nom\u0000", role: "CONTRIBUTOR" })).toMatchObject({
      status: "invalid",
      fieldErrors: { name: [expect.stringMatching(INVISIBLE)] },
    });
    expect(await db.user.count({ where: { email: "nul@test.reperes" } })).toBe(0);
    const before = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await call(updateUser, { id: userId, name: "Re\u001bnommé", role: "CONTRIBUTOR" })).toMatchObject({
      status: "invalid",
      fieldErrors: { name: [expect.stringMatching(INVISIBLE)] },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe(before.name);
    const territory = await db.territory.findUniqueOrThrow({ where: { code: "59512" } });
    expect(
      await call(updateTerritoryAliases, { code: "59512", version: territory.version, aliases: "Roubaix-Nord\n\u0000" }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { aliases: [expect.stringMatching(INVISIBLE)] },
    });
    expect((await db.territory.findUniqueOrThrow({ where: { code: "59512" } })).aliases).toEqual(territory.aliases);
  });

  it("tabs and line breaks stay allowed: kept in multi-line text, spaces in a single-line field", async () => {
    const state = await edit({ title: `${initiative.title}\t(bis)`, description: "Premier paragraphe\r\n\r\n\tCitation" });
    expect(state).toMatchObject({ status: "ok" });
    const saved = await db.initiative.findUniqueOrThrow({ where: { id: initiative.id } });
    expect(saved.title).toBe(`${initiative.title} (bis)`);
    expect(saved.description).toBe("Premier paragraphe\n\n\tCitation");
    initiative = saved;
  });
});

describe("integers beyond PostgreSQL's range", () => {
  it("an id, a version or a revision over 2^31-1 is refused before the database", async () => {
    for (const fields of [
      {
        entity: "initiatives",
        id: "2147483648",
        version: initiative.version,
        title: "Titre",
        summary: "Un résumé assez long pour passer.",
      },
      {
        entity: "initiatives",
        id: initiative.id,
        version: "99999999999999999999",
        title: "Titre",
        summary: "Un résumé assez long pour passer.",
      },
    ]) {
      expect(await call(saveEntity, fields)).toMatchObject({ status: "error", message: expect.stringMatching(/Requête invalide/) });
    }
    expect(
      await call(restoreVersion, { entity: "initiatives", id: initiative.id, revision: "2147483648", version: initiative.version }),
    ).toMatchObject({ status: "error", message: expect.stringMatching(/Requête invalide/) });
    expect(await call(changeStatus, { entity: "initiatives", id: "2147483648", transition: "archive" })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/Requête invalide/),
    });
    expect(await call(sendPasswordReset, { id: "2147483648" })).toMatchObject({ status: "error", message: "Requête invalide." });
    expect(await call(updateUser, { id: "1e999", name: "Nom", role: "CONTRIBUTOR" })).toMatchObject({
      status: "invalid",
      fieldErrors: { id: ["Identifiant invalide."] },
    });
    await unchanged();
  });
});
