import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { beginTotpSetup, changePassword, confirmTotpSetup, disableTotp, type AccountActor } from "@/lib/accounts/own-account";
import { seal } from "@/lib/auth/secret-box";
import { resolveSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { newRecoveryCodes, newTotpSecret } from "@/lib/auth/totp";
import { createPrismaClient } from "@/lib/db/connect";
import { makeUser } from "../support/accounts";
import { withJournalRefusing } from "../support/journal";

process.env.NEXTAUTH_SECRET ??= "test-secret-for-own-account-tests";
const db = createPrismaClient();
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
// TOTP codes of distinct 30-second steps, so that each use is new.
const codeAt = (secret: string, offsetSteps: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

/** A signed-in user with an enabled second factor, and a second session of theirs elsewhere. */
async function userWithSecondFactor() {
  const user = await makeUser(db, "EDITOR");
  const secret = newTotpSecret();
  const { codes, hashes } = newRecoveryCodes();
  await db.user.update({
    where: { id: user.id },
    data: { totpSecret: seal(secret), totpEnabledAt: new Date(), totpRecoveryCodes: hashes },
  });
  const sessions = [];
  for (let i = 0; i < 2; i++) {
    const result = await signIn(db, { email: user.email, password: user.password, code: codes[i]!, ip: freshIp() });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    sessions.push(result.sessionId);
  }
  const actor: AccountActor = { id: user.id, sessionId: sessions[0]!, ip: freshIp() };
  return { ...user, secret, codes: codes.slice(2), actor, otherSession: sessions[1]! };
}

async function auditCount(userId: number, action: string) {
  return db.auditEvent.count({ where: { userId, action } });
}

describe("own account: second factor", () => {
  it("keeps an enabled factor when a new key is generated, until the new one is confirmed", async () => {
    const user = await userWithSecondFactor();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const started = await beginTotpSetup(db, user.actor);
    expect(started.status).toBe("ok");
    // The otpauth address comes as a QR code, an SVG drawn on the server.
    expect(started.html).toMatch(/^otpauth:\/\/totp\//);
    expect(Buffer.from(started.qrCode!.replace(/^data:image\/svg\+xml;base64,/, ""), "base64").toString()).toMatch(
      /^<svg [^>]*viewBox="0 0 \d+ \d+"[\s\S]*<path /,
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.totpEnabledAt).toEqual(before.totpEnabledAt);
    expect(after.totpSecret).toBe(before.totpSecret);
    // Signing in still takes a code of the old factor.
    expect(await signIn(db, { email: user.email, password: user.password, ip: freshIp() })).toEqual({ ok: false, reason: "totp_required" });
  });

  it("replaces an enabled factor only with the password or a current code, audited, closing the other sessions", async () => {
    const user = await userWithSecondFactor();
    const started = await beginTotpSetup(db, user.actor);
    const newSecret = started.secret!;
    const newCode = await codeAt(newSecret, 0);

    const without = await confirmTotpSetup(db, user.actor, form({ code: newCode }));
    expect(without).toMatchObject({ status: "invalid", fieldErrors: { current: [expect.any(String)] } });
    const wrong = await confirmTotpSetup(db, user.actor, form({ code: newCode, current: "pas le mot de passe" }));
    expect(wrong.status).toBe("invalid");
    expect(await auditCount(user.id, "auth.credential_check_failed")).toBe(2);
    expect(await resolveSession(db, user.otherSession, user.id)).not.toBeNull();

    const replaced = await confirmTotpSetup(db, user.actor, form({ code: newCode, current: await codeAt(user.secret, 0) }));
    expect(replaced.status).toBe("ok");
    expect(replaced.items).toHaveLength(10);
    expect(await auditCount(user.id, "auth.totp_replaced")).toBe(1);
    expect(await resolveSession(db, user.otherSession, user.id)).toBeNull();
    expect(await resolveSession(db, user.actor.sessionId, user.id)).not.toBeNull();
    // The new app's codes open a session; the old app's no longer do.
    expect((await signIn(db, { email: user.email, password: user.password, code: await codeAt(newSecret, 1), ip: freshIp() })).ok).toBe(
      true,
    );
    expect(
      await signIn(db, { email: user.email, password: user.password, code: await codeAt(user.secret, 1), ip: freshIp() }),
    ).toMatchObject({ ok: false });
  });

  it("disables the factor only with the password or a current code, audited, closing the other sessions", async () => {
    const user = await userWithSecondFactor();
    expect((await disableTotp(db, user.actor, form({}))).status).toBe("invalid");
    expect((await disableTotp(db, user.actor, form({ current: "123456" }))).status).toBe("invalid");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();

    expect((await disableTotp(db, user.actor, form({ current: user.password }))).status).toBe("ok");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    expect(await auditCount(user.id, "auth.totp_disabled")).toBe(1);
    expect(await resolveSession(db, user.otherSession, user.id)).toBeNull();
    expect(await resolveSession(db, user.actor.sessionId, user.id)).not.toBeNull();
  });

  it("closes the other sessions when a first factor is enabled", async () => {
    const user = await makeUser(db, "ADMIN");
    const first = await signIn(db, { email: user.email, password: user.password, ip: freshIp() });
    const second = await signIn(db, { email: user.email, password: user.password, ip: freshIp() });
    if (!first.ok || !second.ok) throw new Error("sign-in failed");
    const actor = { id: user.id, sessionId: first.sessionId, ip: freshIp() };
    const { secret } = await beginTotpSetup(db, actor);
    expect((await confirmTotpSetup(db, actor, form({ code: await codeAt(secret!, 0) }))).status).toBe("ok");
    expect(await auditCount(user.id, "auth.totp_enabled")).toBe(1);
    expect(await resolveSession(db, second.sessionId, user.id)).toBeNull();
    expect(await resolveSession(db, first.sessionId, user.id)).not.toBeNull();
  });
});

describe("own account: a step that fails half-way changes nothing", () => {
  const account = (id: number) => db.user.findUniqueOrThrow({ where: { id } });

  it("keeps the password and the other sessions when the journal entry of a password change fails", async () => {
    const user = await userWithSecondFactor();
    const before = await account(user.id);
    const change = () =>
      changePassword(
        db,
        user.actor,
        form({ current: user.password, password: "une toute nouvelle phrase", confirm: "une toute nouvelle phrase" }),
      );
    await expect(withJournalRefusing(db, "auth.password_changed", change)).rejects.toThrow(/journal indisponible/);
    expect(await account(user.id)).toEqual(before);
    expect(await resolveSession(db, user.otherSession, user.id)).not.toBeNull();
  });

  it("keeps the enabled factor, its last code and the other sessions when the journal entry of a replacement fails", async () => {
    const user = await userWithSecondFactor();
    const started = await beginTotpSetup(db, user.actor);
    const before = await account(user.id);
    const confirm = async () =>
      confirmTotpSetup(db, user.actor, form({ code: await codeAt(started.secret!, 0), current: await codeAt(user.secret, 0) }));
    await expect(withJournalRefusing(db, "auth.totp_replaced", confirm)).rejects.toThrow(/journal indisponible/);
    expect(await account(user.id)).toEqual(before);
    expect(await resolveSession(db, user.otherSession, user.id)).not.toBeNull();
  });

  it("keeps the factor and the other sessions when the journal entry of its removal fails", async () => {
    const user = await userWithSecondFactor();
    const before = await account(user.id);
    await expect(
      withJournalRefusing(db, "auth.totp_disabled", () => disableTotp(db, user.actor, form({ current: user.password }))),
    ).rejects.toThrow(/journal indisponible/);
    expect(await account(user.id)).toEqual(before);
    expect(await resolveSession(db, user.otherSession, user.id)).not.toBeNull();
  });
});

describe("own account: password checks are throttled", () => {
  it("locks password change and factor removal after 5 wrong passwords from one address, audited", async () => {
    const user = await userWithSecondFactor();
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await changePassword(
            db,
            user.actor,
            form({ current: `faux ${i}`, password: "une toute nouvelle phrase", confirm: "une toute nouvelle phrase" }),
          )
        ).status,
      ).toBe("invalid");
    }
    for (let i = 0; i < 2; i++) expect((await disableTotp(db, user.actor, form({ current: `faux ${i}` }))).status).toBe("invalid");
    expect(await auditCount(user.id, "auth.credential_check_failed")).toBe(5);

    // Now even the right password is refused, and the refusal is journaled.
    const locked = await changePassword(
      db,
      user.actor,
      form({ current: user.password, password: "une toute nouvelle phrase", confirm: "une toute nouvelle phrase" }),
    );
    expect(locked).toMatchObject({ status: "invalid", message: expect.stringMatching(/Trop de tentatives/) });
    expect((await disableTotp(db, user.actor, form({ current: user.password }))).message).toMatch(/Trop de tentatives/);
    expect(await db.auditEvent.count({ where: { userId: user.id, action: "auth.locked" } })).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
  });
});

describe("second factor: single use under concurrency", () => {
  it("lets only one of two concurrent sign-ins use the same TOTP code", async () => {
    const user = await userWithSecondFactor();
    const code = await codeAt(user.secret, 0);
    const results = await Promise.all(
      [0, 1, 2, 3].map(() => signIn(db, { email: user.email, password: user.password, code, ip: freshIp() })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("lets only one of two concurrent sign-ins use the same recovery code, and keeps the others", async () => {
    const user = await userWithSecondFactor();
    const results = await Promise.all(
      [0, 1, 2, 3].map(() => signIn(db, { email: user.email, password: user.password, code: user.codes[0]!, ip: freshIp() })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    // Two different codes used at once both work, and both are gone afterwards.
    const pair = await Promise.all(
      [user.codes[1]!, user.codes[2]!].map((code) => signIn(db, { email: user.email, password: user.password, code, ip: freshIp() })),
    );
    expect(pair.map((result) => result.ok)).toEqual([true, true]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpRecoveryCodes).toHaveLength(10 - 2 - 3);
  });
});
