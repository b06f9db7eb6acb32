import type { Queryable } from "@/lib/db/connect";
import { unseal } from "./secret-box";
import { matchRecoveryCode, verifyTotp } from "./totp";

export interface SecondFactorHolder {
  id: number;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  totpRecoveryCodes: string[];
}

/**
 * Uses a TOTP code or a recovery code of the account's enabled factor: which kind, or null.
 * Each use is one conditional UPDATE, so that of two concurrent requests with the same code (or
 * two codes of the same time step) only one wins, whatever they read before.
 */
export async function consumeSecondFactor(
  db: Queryable,
  user: SecondFactorHolder,
  code: string,
  now = new Date(),
): Promise<"totp" | "recovery" | null> {
  if (!user.totpEnabledAt || !user.totpSecret) return null;
  const step = await verifyTotp(unseal(user.totpSecret), code, user.totpLastStep, now.getTime());
  if (step !== null) {
    const { count } = await db.user.updateMany({
      where: { id: user.id, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? "totp" : null;
  }
  const entry = matchRecoveryCode(user.totpRecoveryCodes, code);
  if (!entry) return null;
  const removed = await db.$executeRaw`
    UPDATE "User" SET "totpRecoveryCodes" = array_remove("totpRecoveryCodes", ${entry})
    WHERE id = ${user.id} AND ${entry} = ANY("totpRecoveryCodes")`;
  return removed === 1 ? "recovery" : null;
}
