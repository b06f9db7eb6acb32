import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, newPasswordSchema, verifyPassword } from "@/lib/auth/password";

describe("password policy", () => {
  it("wants 12 to 128 characters, counted as characters, with no composition rule", () => {
    expect(newPasswordSchema.safeParse("court").success).toBe(false);
    expect(newPasswordSchema.safeParse("éééééééééééé").success).toBe(true);
    expect(newPasswordSchema.safeParse("tout en minuscules sans chiffre").success).toBe(true);
    expect(newPasswordSchema.safeParse("a".repeat(40) + "b".repeat(88)).success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(129)).error?.issues[0]?.message).toContain("128");
  });

  it("refuses listed passwords, also with a short suffix", () => {
    for (const password of ["qwertyuiop123", "motdepasse123", "Password1234", "azertyuiop123!", "sunshine2024!!"]) {
      expect(isCommonPassword(password), password).toBe(true);
      expect(newPasswordSchema.safeParse(password).success, password).toBe(false);
    }
    expect(isCommonPassword("un jardin partagé au pied des tours")).toBe(false);
  });

  it("hashes with argon2id at OWASP's minimum or above", async () => {
    const hash = await hashPassword("une phrase de passe de test");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "une phrase de passe de test")).toBe(true);
    expect(await verifyPassword(hash, "une autre phrase de passe")).toBe(false);
    expect(await verifyPassword("pas un hash", "x")).toBe(false);
  });
});
