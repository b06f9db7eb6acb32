import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { openFromAdminList, signIn } from "./admin-support";

test.describe.configure({ timeout: 90_000 });

/** WCAG 1.4.10: the page reflows, nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("an actor page says how to reach the actor", async ({ page }) => {
  await page.goto("/acteurs/irev");
  const contact = page.getByRole("region", { name: "Contacter" });
  await expect(contact.getByRole("link", { name: "06 40 34 53 36" })).toHaveAttribute("href", "tel:0640345336");
  await expect(contact.getByRole("link", { name: "contact@irev.fr" })).toHaveAttribute("href", "mailto:contact@irev.fr");
  await expect(contact.locator("address")).toContainText("59000 Lille");
  await expect(contact.getByRole("link", { name: "Hauts-de-France" })).toBeVisible();
  await expectNoAxeViolations(page);
  const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect(JSON.parse(jsonLd!)).toMatchObject({ "@type": "Organization", contactPoint: { telephone: "06 40 34 53 36" } });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("/acteurs finds by name, by place (inside and covering) and by kind", async ({ page }) => {
    await page.goto("/acteurs");
    await page.getByLabel("Nom ou mots-clés").fill("kif-kif");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByRole("status")).toHaveText("1 acteur trouvé");
    await expect(page.getByRole("link", { name: "Collectif Kif Kif" })).toBeVisible();

    await page.getByRole("link", { name: "Réinitialiser" }).click();
    await page.getByLabel("Lieu").fill("Creil");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(/lieu=Creil/);
    await expect(page.getByText("Lieu compris : Creil")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("3 acteurs trouvés : 0 acteur à Creil, 3 acteurs à plus grande échelle");
    const acso = page.getByRole("article").filter({ has: page.getByRole("link", { name: /Agglomération Creil Sud Oise/ }) });
    await expect(acso).toContainText("à l'échelle de l'agglomération");
    await expect(page.getByRole("article").filter({ hasText: "Défenseur des droits" })).toContainText("à l'échelle de la région");
    await expect(page.getByRole("link", { name: "Collectif Kif Kif" })).toHaveCount(0);

    await page.getByLabel("Type d'acteur").selectOption({ label: "Autorité indépendante" });
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByRole("status")).toHaveText("1 acteur trouvé : 0 acteur à Creil, 1 acteur à plus grande échelle");

    await page.goto("/acteurs?lieu=%E2%80%AEzzzz&q=" + "a".repeat(300));
    await expect(page.getByText(/Aucun lieu ne correspond/)).toBeVisible();
  });
});

test("Roubaix's page says whom to call, from the commune up to the région", async ({ page }) => {
  await page.goto("/territoires/59512");
  const who = page.getByRole("region", { name: "Qui contacter" });
  await expect(who.getByRole("link", { name: "Ambassadeurs de l'égalité de Roubaix" })).toBeVisible();
  await expect(who.getByRole("article").filter({ hasText: "Défenseur des droits" })).toContainText("à l'échelle de la région");
  await expect(who.getByRole("link", { name: "3928" })).toBeVisible();
  await expect(who.getByRole("link", { name: "Collectif Kif Kif" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("at 390 px and 320 px the new pages reflow, and the search leads to whom to call", async ({ page }) => {
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ["/acteurs?lieu=Roubaix", "/acteurs/irev", "/territoires/59512", "/initiatives?territoire=59512"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
  }
  await page.setViewportSize({ width: 390, height: 800 });
  // axe needs JavaScript in the page: run here rather than in the test without it.
  for (const path of ["/acteurs", "/acteurs?lieu=Creil&type=autorite-independante"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
  await page.goto("/initiatives?territoire=59512");
  await expect(page.getByRole("region", { name: "Qui contacter" }).getByRole("link", { name: "Défenseur des droits" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("staff edit an actor's contact; bad values get French messages", async ({ page }) => {
  await signIn(page, "EDITOR");
  await openFromAdminList(page, "acteurs", "Collectif Kif Kif");
  await page.getByLabel("Téléphone", { exact: true }).fill("appelez-nous");
  await page.getByLabel("E-mail", { exact: true }).fill("pas-une-adresse");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Le téléphone ne peut contenir que des chiffres");
  await expect(summary).toContainText("L'e-mail n'est pas une adresse e-mail valide.");
  await expectNoAxeViolations(page);
  await page.getByLabel("Téléphone", { exact: true }).fill("03 20 00 00 00");
  await page.getByLabel("E-mail", { exact: true }).fill("");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: /enregistr/i })).toBeVisible();
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
  await page.goto("/acteurs/collectif-kif-kif");
  await expect(page.getByRole("region", { name: "Contacter" }).getByRole("link", { name: "03 20 00 00 00" })).toBeVisible();
});
