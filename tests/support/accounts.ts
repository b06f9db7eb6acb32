import { createAccount } from "@/lib/accounts/users";
import type { Database } from "@/lib/db/connect";
import type { UserRole } from "@/lib/db/generated/enums";

let counter = 0;

/** A user for a test, with a known password (hashing makes this take a few tens of ms). */
export async function makeUser(db: Database, role: UserRole, password = "une phrase de passe de test") {
  counter++;
  const email = `${role.toLowerCase()}.${process.pid}.${counter}@test.reperes`;
  const { id } = await createAccount(db, { email, name: `${role} ${counter}`, role, password }, { userId: null });
  return { id, role, email, password };
}
