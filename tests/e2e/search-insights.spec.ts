import { expect, test } from "@playwright/test";
import { signIn } from "./admin-support";
import { expectNoAxeViolations, expectNoSidewaysScroll } from "./axe";

test.describe.configure({ timeout: 120_000 });

test("a search that found nothing reaches staff, who create an initiative titled after it", async ({ page, browser }) => {
  // Letters only, new at each run: nothing can match it.
  const words = `ornithorynques ${Date.now()
    .toString(36)
    .replace(/\d/g, (digit) => "abcdefghij"[Number(digit)]!)}`;

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/initiatives");
  await visitorPage.getByRole("searchbox", { name: "Mots-clés" }).fill(words);
  await visitorPage.getByRole("button", { name: "Rechercher" }).click();
  await expect(visitorPage.getByRole("status").filter({ hasText: "Aucune initiative ne correspond" })).toBeVisible();
  // A visitor cannot read what the public searched.
  await visitorPage.goto("/admin/recherches");
  await expect(visitorPage).toHaveURL(/\/connexion/);
  await visitor.close();

  await signIn(page, "CONTRIBUTOR");
  await page.getByRole("navigation", { name: "Espace équipe" }).getByRole("link", { name: "Recherches du public" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recherches du public");
  const zero = page.getByRole("region", { name: "Recherches sans résultat" });
  // The count is written once the visitor's page was sent: reload until it is there.
  await expect(async () => {
    await page.reload();
    await expect(zero.getByRole("row").filter({ hasText: words })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(zero.getByRole("row").filter({ hasText: words }).getByRole("cell").nth(1)).toHaveText("1");
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await zero.getByRole("link", { name: `Créer une initiative « ${words} »` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle initiative");
  await expect(page.getByRole("textbox", { name: /^Titre/ })).toHaveValue(words);
});

test("the month picker shows an earlier month, and a malformed one falls back to the current month", async ({ page }) => {
  await signIn(page, "EDITOR", "/admin/recherches");
  await page.getByLabel("Mois").fill("2020-01");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/mois=2020-01/);
  await expect(page.getByRole("status")).toHaveText("janvier 2020 : aucune recherche comptée.");
  await page.goto("/admin/recherches?mois=2020-13");
  await expect(page.getByRole("status")).not.toContainText("2020");
});
