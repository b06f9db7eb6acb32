import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test("the home page is in French and leads to the initiatives", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("discriminations");
  await expect(page.getByRole("heading", { name: "Dernières initiatives publiées" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Initiatives" }).click();
  await expect(page).toHaveURL(/\/initiatives$/);
  await expect(page.getByRole("heading", { level: 1, name: "Initiatives" })).toBeVisible();
});

test("the skip link moves the focus to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("the list shows the four published initiatives of the synthesis", async ({ page }) => {
  await page.goto("/initiatives");
  // The demo content plus the browser-test fixtures (tests/support/e2e-fixtures.ts).
  await expect(page.getByRole("status")).toHaveText("26 initiatives trouvées, page 1 sur 2");
  for (const title of [
    "L'action locale du Défenseur des droits",
    "Les Ambassadeurs de l'égalité à Roubaix",
    "Le plan territorial de lutte contre les discriminations de l'Agglomération Creil Sud Oise",
  ]) {
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("an initiative page shows its actors, territories, approaches, lessons and sources", async ({ page }) => {
  await page.goto("/initiatives");
  await page.getByRole("link", { name: "Les Ambassadeurs de l'égalité à Roubaix" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les Ambassadeurs de l'égalité à Roubaix");
  const facts = page.getByRole("complementary", { name: "En bref" });
  await expect(facts).toContainText("Roubaix (commune)");
  await expect(facts).toContainText("Ambassadeurs de l'égalité de Roubaix (porteur)");
  await expect(facts).toContainText("Pairs et ambassadeurs habitants");
  await expect(page.getByRole("heading", { name: "Des pairs pour rétablir la confiance avec les institutions" })).toBeVisible();
  await expect(facts.getByRole("link", { name: /Synthèse de la journée/ })).toHaveAttribute("href", /irev\.fr/);
  await expectNoAxeViolations(page);
});

test("an unknown initiative gets the French 404 page", async ({ page }) => {
  const response = await page.goto("/initiatives/n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expectNoAxeViolations(page);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
