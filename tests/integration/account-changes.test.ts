import { describe, expect, it } from "vitest";
import { createAccount, resetPassword, updateAccount } from "@/lib/accounts/users";
import { resolveSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { createPrismaClient } from "@/lib/db/connect";
import { makeUser } from "../support/accounts";
import { withJournalRefusing } from "../support/journal";

const db = createPrismaClient();
let ipCounter = 0;

/** A user with an open session, and the admin who manages their account. */
async function signedInUser() {
  const [user, admin] = await Promise.all([makeUser(db, "CONTRIBUTOR"), makeUser(db, "ADMIN")]);
  const session = await signIn(db, { email: user.email, password: user.password, ip: `192.0.2.${++ipCounter}` });
  if (!session.ok) throw new Error(`sign-in failed: ${session.reason}`);
  return { ...user, sessionId: session.sessionId, by: { userId: admin.id, ip: "203.0.113.1" } };
}

describe("an admin's change to an account that fails half-way changes nothing", () => {
  it("creates no account and no invitation link when the journal entry fails", async () => {
    const by = { userId: (await makeUser(db, "ADMIN")).id };
    const create = () => createAccount(db, { email: "invitee@test.reperes", name: "Invitée", role: "CONTRIBUTOR" }, by);
    await expect(withJournalRefusing(db, "user.created", create)).rejects.toThrow(/journal indisponible/);
    expect(await db.user.count({ where: { email: "invitee@test.reperes" } })).toBe(0);
    expect(await db.accountToken.count({ where: { purpose: "INVITATION" } })).toBe(0);
  });

  it("issues no reset link and keeps the sessions open when the journal entry of a reset fails", async () => {
    const user = await signedInUser();
    await expect(withJournalRefusing(db, "user.password_reset", () => resetPassword(db, user.id, user.by))).rejects.toThrow(
      /journal indisponible/,
    );
    expect(await db.accountToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await resolveSession(db, user.sessionId, user.id)).not.toBeNull();
  });

  it("leaves the account enabled and its sessions open when the journal entry of a disabling fails", async () => {
    const user = await signedInUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const disable = () => updateAccount(db, user.id, { name: "Désactivée", role: "CONTRIBUTOR", disabled: true }, user.by);
    await expect(withJournalRefusing(db, "user.disabled", disable)).rejects.toThrow(/journal indisponible/);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await resolveSession(db, user.sessionId, user.id)).not.toBeNull();
  });
});
