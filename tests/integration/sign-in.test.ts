import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { seal } from "@/lib/auth/secret-box";
import { resolveSession, revokeUserSessions } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { ACCOUNT_MAX_FAILURES, ACCOUNT_WINDOW_MINUTES, currentSignInLocks } from "@/lib/auth/throttle";
import { newRecoveryCodes, newTotpSecret } from "@/lib/auth/totp";
import { createPrismaClient } from "@/lib/db/connect";
import { makeUser } from "../support/accounts";

process.env.NEXTAUTH_SECRET ??= "test-secret-for-sign-in";
const db = createPrismaClient();
let ipCounter = 0;
// Each test its own address, so that the per-IP limit of one test does not leak into another.
const freshIp = () => `198.51.100.${++ipCounter}`;

describe("sign-in", () => {
  let user: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    user = await makeUser(db, "EDITOR");
  });

  it("opens a server-side session for the right password, case-insensitive e-mail, and logs it", async () => {
    const result = await signIn(db, { email: user.email.toUpperCase(), password: user.password, ip: freshIp() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await resolveSession(db, result.sessionId, user.id)).toMatchObject({ id: user.id, role: "EDITOR" });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in", userId: user.id } })).toBeGreaterThan(0);
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const ip = freshIp();
    expect(await signIn(db, { email: user.email, password: "pas le bon mot de passe", ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db, { email: "inconnu@test.reperes", password: "pas le bon mot de passe", ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", ip } })).toBe(2);
  });

  it("locks an e-mail from one address after 5 failures for a growing delay, whether or not the account exists", async () => {
    for (const email of [user.email, "fantome@test.reperes"]) {
      const ip = freshIp();
      const start = new Date("2030-01-01T10:00:00Z");
      let last;
      for (let i = 0; i < 5; i++)
        last = await signIn(db, { email, password: "mauvais mot de passe", ip }, new Date(start.getTime() + i * 1000));
      expect(last).toMatchObject({ ok: false, reason: "locked" });
      // Even the right password is refused while locked, and the lock is logged.
      const during = await signIn(db, { email, password: user.password, ip }, new Date(start.getTime() + 30_000));
      expect(during).toMatchObject({ ok: false, reason: "locked" });
      // After a minute, one more failure doubles the delay.
      const retry = await signIn(db, { email, password: "encore faux !", ip }, new Date(start.getTime() + 70_000));
      expect(retry).toMatchObject({ ok: false, reason: "locked" });
      if (!retry.ok) expect(retry.retryAt!.getTime() - (start.getTime() + 70_000)).toBeGreaterThan(100_000);
    }
    expect(await db.auditEvent.count({ where: { action: "auth.locked" } })).toBeGreaterThanOrEqual(2);
  });

  it("does not let failures from another address lock the owner out, and shows the lock to admins", async () => {
    const owner = await makeUser(db, "ADMIN");
    const attacker = freshIp();
    const start = new Date("2032-01-01T10:00:00Z");
    for (let i = 0; i < 8; i++)
      await signIn(db, { email: owner.email, password: "devinette", ip: attacker }, new Date(start.getTime() + i * 1000));
    const at = new Date(start.getTime() + 20_000);
    expect(await signIn(db, { email: owner.email, password: owner.password, ip: attacker }, at)).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await currentSignInLocks(db, at)).toContainEqual({ email: owner.email, ip: attacker, until: expect.any(Date) });
    expect((await signIn(db, { email: owner.email, password: owner.password, ip: freshIp() }, at)).ok).toBe(true);
  });

  it("locks an account from every address after 50 failures within an hour, spread over many addresses", async () => {
    const owner = await makeUser(db, "EDITOR");
    const start = new Date("2033-01-01T10:00:00Z");
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      // Never 5 from one address: only the limit per account can stop this.
      await signIn(
        db,
        { email: owner.email, password: "devinette", ip: `203.0.113.${Math.floor(i / 4)}` },
        new Date(start.getTime() + i * 1000),
      );
    }
    const at = new Date(start.getTime() + 120_000);
    const refused = await signIn(db, { email: owner.email, password: owner.password, ip: freshIp() }, at);
    expect(refused).toMatchObject({ ok: false, reason: "locked" });
    const until = new Date(start.getTime() + ACCOUNT_WINDOW_MINUTES * 60_000);
    expect(refused).toMatchObject({ retryAt: until });
    expect(await currentSignInLocks(db, at)).toContainEqual({ email: owner.email, ip: null, until });
    expect(
      (await signIn(db, { email: owner.email, password: owner.password, ip: freshIp() }, new Date(start.getTime() + 3600_000 + 1000))).ok,
    ).toBe(true);
  });

  it("limits failures per IP address across accounts", async () => {
    const ip = freshIp();
    const now = new Date("2031-01-01T10:00:00Z");
    for (let i = 0; i < 30; i++)
      await signIn(db, { email: `essai${i}@test.reperes`, password: "mauvais", ip }, new Date(now.getTime() + i));
    expect(await signIn(db, { email: user.email, password: user.password, ip }, new Date(now.getTime() + 1000))).toMatchObject({
      ok: false,
      reason: "locked",
    });
  });

  it("refuses a disabled account, and its open sessions stop at the next request", async () => {
    const other = await makeUser(db, "CONTRIBUTOR");
    const result = await signIn(db, { email: other.email, password: other.password, ip: freshIp() });
    if (!result.ok) throw new Error("sign-in failed");
    await db.user.update({ where: { id: other.id }, data: { disabled: true } });
    expect(await resolveSession(db, result.sessionId, other.id)).toBeNull();
    expect(await signIn(db, { email: other.email, password: other.password, ip: freshIp() })).toMatchObject({
      ok: false,
      reason: "invalid",
    });
  });

  it("ends a session after 8 hours without a request, and on revocation", async () => {
    const other = await makeUser(db, "CONTRIBUTOR");
    const result = await signIn(db, { email: other.email, password: other.password, ip: freshIp() });
    if (!result.ok) throw new Error("sign-in failed");
    const inSevenHours = new Date(Date.now() + 7 * 3600_000);
    expect(await resolveSession(db, result.sessionId, other.id, inSevenHours)).not.toBeNull();
    expect(await resolveSession(db, result.sessionId, other.id, new Date(inSevenHours.getTime() + 8 * 3600_000 + 1000))).toBeNull();
    // A token naming another user's session is worthless.
    expect(await resolveSession(db, result.sessionId, user.id)).toBeNull();
    await revokeUserSessions(db, other.id);
    expect(await resolveSession(db, result.sessionId, other.id)).toBeNull();
  });

  it("ends a session 7 days after sign-in, however active it stays", async () => {
    const other = await makeUser(db, "CONTRIBUTOR");
    const result = await signIn(db, { email: other.email, password: other.password, ip: freshIp() });
    if (!result.ok) throw new Error("sign-in failed");
    const { createdAt } = await db.userSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    // A request every 6 hours keeps it from idling...
    let at = createdAt.getTime();
    for (; at + 6 * 3600_000 < createdAt.getTime() + 7 * 24 * 3600_000; at += 6 * 3600_000) {
      expect(await resolveSession(db, result.sessionId, other.id, new Date(at))).not.toBeNull();
    }
    // ...but not past its seventh day.
    expect(await resolveSession(db, result.sessionId, other.id, new Date(createdAt.getTime() + 7 * 24 * 3600_000 + 1000))).toBeNull();
  });

  it("asks for the TOTP code, refuses a replayed one, accepts a recovery code once", async () => {
    const other = await makeUser(db, "ADMIN");
    const secret = newTotpSecret();
    const { codes, hashes } = newRecoveryCodes();
    await db.user.update({
      where: { id: other.id },
      data: { totpSecret: seal(secret), totpEnabledAt: new Date(), totpRecoveryCodes: hashes },
    });
    const base = { email: other.email, password: other.password };
    expect(await signIn(db, { ...base, ip: freshIp() })).toEqual({ ok: false, reason: "totp_required" });
    expect(await signIn(db, { ...base, code: "000000", ip: freshIp() })).toMatchObject({ ok: false, reason: "totp_invalid" });
    const code = await generate({ secret });
    expect((await signIn(db, { ...base, code, ip: freshIp() })).ok).toBe(true);
    expect(await signIn(db, { ...base, code, ip: freshIp() })).toMatchObject({ ok: false, reason: "totp_invalid" });
    expect((await signIn(db, { ...base, code: codes[0]!.toUpperCase(), ip: freshIp() })).ok).toBe(true);
    expect(await signIn(db, { ...base, code: codes[0]!, ip: freshIp() })).toMatchObject({ ok: false });
  });
});
