import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { demoAccount, signIn } from "./admin-support";

test.describe.configure({ timeout: 120_000 });

test("sign-in never sends the browser to another site, and a line break in the callback is no error", async ({ page }) => {
  const broken = await page.goto("/connexion?callbackUrl=/%0a/evil.example");
  expect(broken!.status()).toBe(200);

  const account = demoAccount("EDITOR");
  await page.goto("/connexion?callbackUrl=/%09/evil.example");
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);

  // Signed in, the page redirects at once: still to this site only.
  await page.goto("/connexion?callbackUrl=/%0d%0a/evil.example");
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
});

test("the sign-in throttle keys on the connection, not on an X-Forwarded-For the client rotates", async ({ page }) => {
  await page.goto("/connexion");
  for (let i = 0; i < 6; i++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${i + 1}` });
    await page.getByLabel("Adresse e-mail").fill("rotation@reperes.demo");
    await page.getByLabel("Mot de passe").fill(`devinette ${i}`);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  }
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Trop de tentatives");
});

test("a new second factor key comes with a QR code that fits a 320 px screen", async ({ page }) => {
  await signIn(page, "CONTRIBUTOR");
  await page.goto("/admin/compte");
  await page.getByRole("button", { name: "1. Générer une clé" }).click();
  const qr = page.getByRole("img", { name: /Code QR à scanner/ });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  await expectNoAxeViolations(page);
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `test-results/security-qr-${width}.png`, fullPage: true });
  }
});
