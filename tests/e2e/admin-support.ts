import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";

export type DemoRole = "ADMIN" | "EDITOR" | "CONTRIBUTOR";

export function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

/**
 * `timeout`: how long the redirect may take. Signing in checks an argon2id hash, slow on purpose:
 * on a loaded machine it takes longer than an assertion's default 5 s.
 */
export async function signIn(page: Page, role: DemoRole, next = "/admin", timeout = 15_000) {
  const account = demoAccount(role);
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`), { timeout });
}

/** Finds an entry through the list's title search (the list is paginated) and opens it. */
export async function openFromAdminList(page: Page, entity: string, title: string) {
  await page.goto(`/admin/${entity}`);
  await page.getByRole("searchbox", { name: "Rechercher dans les titres" }).fill(title);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.getByRole("link", { name: title, exact: false }).first().click();
}
