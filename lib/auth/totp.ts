import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";

const PERIOD = 30;
export const TOTP_ISSUER = "Repères IREV";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/**
 * RFC 6238 check with one step of clock drift either way. Returns the time step the code belongs
 * to, or null; a step at or before `lastStep` is refused so that a code cannot be replayed.
 */
export async function verifyTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: PERIOD, epoch: Math.floor(now / 1000) });
  if (!result.valid) return null;
  const step = Math.floor(now / 1000 / PERIOD) + result.delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const hashCode = (code: string) => createHash("sha256").update(code.toLowerCase().replace(/[^a-z0-9]/g, "")).digest("hex");

/** Ten single-use codes shown once; only their hashes are kept. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(5).toString("hex");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashCode) };
}

/** The remaining hashes once `code` is used, or null when it is not one of them. */
export function useRecoveryCode(hashes: string[], code: string): string[] | null {
  const target = hashCode(code);
  return hashes.includes(target) ? hashes.filter((h) => h !== target) : null;
}
