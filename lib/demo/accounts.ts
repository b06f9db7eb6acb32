import { createAccount } from "@/lib/accounts/users";
import { verifyPassword } from "@/lib/auth/password";
import type { Env } from "@/lib/config/env";
import type { Database } from "@/lib/db/connect";
import type { UserRole } from "@/lib/db/generated/enums";

/**
 * One account per role, with passwords published here and printed by `npm start`: created only
 * with the demo content, and refused in production unless REPERES_ALLOW_DEMO_ACCOUNTS=true.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: UserRole; password: string }> = [
  { email: "admin@reperes.demo", name: "Alice Administratrice", role: "ADMIN", password: "admin-demo-reperes" },
  { email: "editeur@reperes.demo", name: "Étienne Éditeur", role: "EDITOR", password: "editeur-demo-reperes" },
  { email: "contributrice@reperes.demo", name: "Camille Contributrice", role: "CONTRIBUTOR", password: "contributrice-demo-reperes" },
];

/** Creates the missing demo accounts; returns how many were created. */
export async function ensureDemoAccounts(db: Database): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await db.user.findUnique({ where: { email: account.email } })) continue;
    await createAccount(db, account, { userId: null });
    created++;
  }
  return created;
}

/** The demo accounts that still open with their published password. */
export async function openDemoAccounts(db: Database): Promise<string[]> {
  const open: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.findUnique({ where: { email: account.email }, select: { passwordHash: true, disabled: true } });
    if (user && !user.disabled && (await verifyPassword(user.passwordHash, account.password))) open.push(account.email);
  }
  return open;
}

export interface DemoPolicy {
  /** Load the demo content into a database without initiatives. */
  demo: boolean;
  /** "create": demo accounts come with the demo content; "refuse": none, and published ones stop the start. */
  demoAccounts: "create" | "refuse";
}

/**
 * What `npm start` does about the demo: the embedded database is a demonstration outside
 * production (NODE_ENV=production needs REPERES_DEMO=true for it too), and in production demo
 * accounts, whose passwords anyone can read, need REPERES_ALLOW_DEMO_ACCOUNTS=true.
 */
export function demoPolicy(env: Pick<Env, "NODE_ENV" | "DATABASE_URL" | "REPERES_DEMO" | "REPERES_ALLOW_DEMO_ACCOUNTS">): DemoPolicy {
  const production = env.NODE_ENV === "production";
  return {
    demo: env.REPERES_DEMO || (!env.DATABASE_URL && !production),
    demoAccounts: production && !env.REPERES_ALLOW_DEMO_ACCOUNTS ? "refuse" : "create",
  };
}
