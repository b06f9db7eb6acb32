import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

const PERIOD = 30;
export const TOTP_ISSUER = "Repères IREV";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The otpauth address as a QR code: an SVG image (data URL), drawn on the server. */
export async function totpQrCode(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
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

const normaliseCode = (code: string) => code.toLowerCase().replace(/[^0-9a-f]/g, "");
const digest = (salt: string, code: string) =>
  createHash("sha256")
    .update(`${salt}${normaliseCode(code)}`)
    .digest("hex");

/**
 * Ten single-use codes shown once: 128 random bits each (hex, in groups of four), kept as a salted
 * SHA-256: at that length a hash cannot be reversed by trying codes, so no slow hash is needed.
 */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => randomBytes(16).toString("hex").match(/.{4}/g)!.join("-"));
  return {
    codes,
    hashes: codes.map((code) => {
      const salt = randomBytes(16).toString("hex");
      return `${salt}$${digest(salt, code)}`;
    }),
  };
}

/** The stored entry `code` matches, or null. */
export function matchRecoveryCode(entries: string[], code: string): string | null {
  if (normaliseCode(code).length !== 32) return null;
  for (const entry of entries) {
    const [salt, hash] = entry.split("$");
    if (!salt || !hash || hash.length !== 64) continue;
    if (timingSafeEqual(Buffer.from(digest(salt, code), "hex"), Buffer.from(hash, "hex"))) return entry;
  }
  return null;
}
