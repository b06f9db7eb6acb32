import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/startup/prepare";
import { DEMO_ACCOUNTS, demoPolicy, ensureDemoAccounts } from "@/lib/demo/accounts";
import { parseEnv } from "@/lib/config/env";

const db = createPrismaClient();
const demoUsers = () => db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } });

describe("demo accounts", () => {
  it("are not created in production without explicit consent, even with the demo content", async () => {
    const url = process.env.DATABASE_URL!;
    const prepared = await prepareDatabase(url, { demo: true, demoAccounts: "refuse" });
    expect(prepared.demoLoaded).toBe(true);
    expect(prepared.demoAccountsOpen).toEqual([]);
    expect(await demoUsers()).toBe(0);
  });

  it("are not created on a database whose content is already there", async () => {
    const prepared = await prepareDatabase(process.env.DATABASE_URL!, { demo: true, demoAccounts: "create" });
    expect(prepared.demoLoaded).toBe(false);
    expect(await demoUsers()).toBe(0);
  });

  it("stop a production start while they open with their published password", async () => {
    await ensureDemoAccounts(db);
    await expect(prepareDatabase(process.env.DATABASE_URL!, { demo: false, demoAccounts: "refuse" })).rejects.toThrow(
      /REPERES_ALLOW_DEMO_ACCOUNTS/,
    );
    // Disabled or with a new password, they are no longer a way in.
    await db.user.update({ where: { email: DEMO_ACCOUNTS[0]!.email }, data: { disabled: true } });
    await expect(prepareDatabase(process.env.DATABASE_URL!, { demo: false, demoAccounts: "refuse" })).rejects.toThrow(
      /editeur@reperes.demo, contributrice@reperes.demo\)/,
    );
    await db.user.updateMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, data: { disabled: true } });
    expect((await prepareDatabase(process.env.DATABASE_URL!, { demo: false, demoAccounts: "refuse" })).demoAccountsOpen).toEqual([]);
  });

  it("follow NODE_ENV at start: the embedded database is a demonstration only outside production", () => {
    expect(demoPolicy(parseEnv({}))).toEqual({ demo: true, demoAccounts: "create" });
    expect(demoPolicy(parseEnv({ NODE_ENV: "production" }))).toEqual({ demo: false, demoAccounts: "refuse" });
    expect(demoPolicy(parseEnv({ NODE_ENV: "production", REPERES_DEMO: "true" }))).toEqual({ demo: true, demoAccounts: "refuse" });
    expect(demoPolicy(parseEnv({ NODE_ENV: "production", REPERES_DEMO: "true", REPERES_ALLOW_DEMO_ACCOUNTS: "true" }))).toEqual({
      demo: true,
      demoAccounts: "create",
    });
    expect(demoPolicy(parseEnv({ DATABASE_URL: "postgresql://u@db/reperes" }))).toEqual({ demo: false, demoAccounts: "create" });
  });
});
