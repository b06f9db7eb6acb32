import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";

export type DemoRole = "ADMIN" | "EDITOR" | "CONTRIBUTOR";

export function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

export async function signIn(page: Page, role: DemoRole, next = "/admin") {
  const account = demoAccount(role);
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}
