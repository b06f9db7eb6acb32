import { createAccount } from "@/lib/accounts/users";
import type { Database } from "@/lib/db/connect";
import type { UserRole } from "@/lib/db/generated/enums";

/**
 * One account per role, created only in demo mode (embedded database, or REPERES_DEMO=true) and
 * printed by `npm start`. A database given by DATABASE_URL without demo mode gets none.
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
