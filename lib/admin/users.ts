import "server-only";
import { requireUser } from "@/lib/auth/guards";
import { currentSignInLocks } from "@/lib/auth/throttle";
import { prisma } from "@/lib/db/client";

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  lastLoginAt: true,
  totpEnabledAt: true,
  createdAt: true,
} as const;

export async function listUsers() {
  await requireUser("ADMIN");
  return prisma.user.findMany({ orderBy: [{ disabled: "asc" }, { name: "asc" }], select });
}

/** Accounts refused sign-in right now (too many failures), for the admins' dashboard. */
export async function signInLocks() {
  await requireUser("ADMIN");
  return currentSignInLocks(prisma);
}

export async function getUser(id: number) {
  await requireUser("ADMIN");
  return prisma.user.findUnique({ where: { id }, select });
}

export async function ownAccount() {
  const user = await requireUser("CONTRIBUTOR", { allowMissingSecondFactor: true });
  const account = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { ...select, totpRecoveryCodes: true, mailOptOuts: true },
  });
  return { ...account, recoveryCodesLeft: account.totpRecoveryCodes.length };
}
