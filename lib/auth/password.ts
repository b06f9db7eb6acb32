import { readFileSync } from "node:fs";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

// OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane.
// algorithm 2 is Argon2id (a const enum, which isolatedModules cannot import).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verifying against it costs as much as a real check (no timing oracle). */
let dummyHash: Promise<string> | string | undefined;
export async function dummyPasswordHash(): Promise<string> {
  // The string is kept, not the promise, which would keep the first sign-in's request alive.
  dummyHash ??= hashPassword(`absent-${Math.random()}`).then((hash) => (dummyHash = hash));
  return dummyHash;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  // Read from the project folder (not bundled): next start and the CLI both run from there.
  common ??= new Set(
    readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return common;
}

/** True for a listed password, also when decorated with a short suffix of digits or symbols ("soleil2024!"). */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const stem = lower.replace(/[\d\W_]{1,6}$/u, "");
  return stem.length >= 4 && stem !== lower && list.has(stem);
}

/** NIST SP 800-63B: length, a blocklist, no composition rules. Length counts characters, not bytes. */
export const newPasswordSchema = z
  .string()
  .refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, {
    message: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  })
  .refine((value) => [...value].length <= PASSWORD_MAX_LENGTH, {
    message: `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
  })
  .refine((value) => !isCommonPassword(value), {
    message: "Ce mot de passe figure dans une liste de mots de passe courants : choisissez-en un autre (une phrase, par exemple).",
  });
