import "server-only";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { countDeadLetters, listDeadLetters } from "@/lib/mail/dead-letters";

/** The dead-letter list: admins only (it shows recipients' addresses). */
export async function readMailFailures() {
  await requireUser("ADMIN");
  return listDeadLetters(prisma);
}

export async function mailFailureCount() {
  await requireUser("ADMIN");
  return countDeadLetters(prisma);
}
