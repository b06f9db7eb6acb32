"use server";

import * as ownAccount from "@/lib/accounts/own-account";
import type { FormState } from "@/lib/admin/form-state";
import { guarded } from "@/lib/admin/guarded-action";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { requestIp } from "@/lib/http/request-context";

// The user's own account: reachable even by a user who still has to set up the second factor.
async function self(): Promise<ownAccount.AccountActor> {
  const user = await requireUser("CONTRIBUTOR", { allowMissingSecondFactor: true });
  return { id: user.id, sessionId: user.sessionId, ip: await requestIp() };
}

export async function changeOwnPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => ownAccount.changePassword(prisma, await self(), formData));
}

export async function beginTotpSetup(_previous: FormState, _formData: FormData): Promise<FormState> {
  return guarded(async () => ownAccount.beginTotpSetup(prisma, await self()));
}

export async function confirmTotpSetup(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => ownAccount.confirmTotpSetup(prisma, await self(), formData));
}

export async function disableTotp(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => ownAccount.disableTotp(prisma, await self(), formData));
}
