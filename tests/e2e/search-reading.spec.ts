import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./admin-support";
import { expectNoAxeViolations } from "./axe";

// Issue 10, item 1: the search says how it read the query (places, dropped words), and staff
// edit the field synonyms. Checked at desktop and phone widths, and for reflow at 320 px.

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

for (const width of [1280, 390]) {
  test(`at ${width} px, « discriminations Roubaix » finds the Ambassadeurs, says Roubaix was read as a place, and can keep it as a word`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/initiatives?q=discriminations+Roubaix");
    await expect(page.getByText("« Roubaix » compris comme lieu.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Les Ambassadeurs de l'égalité à Roubaix" })).toBeVisible();
    await expect(page.getByRole("link", { name: /plan territorial de lutte contre les discriminations/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Chercher ces mots dans le texte" }).click();
    await expect(page).toHaveURL(/interpreter=non/);
    await expect(page.getByText("compris comme lieu")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Les Ambassadeurs de l'égalité à Roubaix" })).toBeVisible();
  });
}

test("when all the words together find nothing, the page shows partial matches and names the dropped word", async ({ page }) => {
  await page.goto("/initiatives?q=ambassadeurs+zorglubique");
  await expect(page.getByText("Aucun résultat avec tous les mots ; résultats sans « zorglubique ».")).toBeVisible();
  await expect(page.getByRole("link", { name: "Les Ambassadeurs de l'égalité à Roubaix" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
});

test("hyphenated names and field synonyms find the entry", async ({ page }) => {
  await page.goto("/initiatives?q=Kif-Kif");
  await expect(page.getByRole("link", { name: /collectif Kif Kif/ })).toBeVisible();
  await page.goto("/initiatives?q=test+de+situation");
  await expect(page.getByRole("status")).not.toHaveText("Aucune initiative ne correspond à votre recherche.");
});

test("an editor adds a synonym group in the back office, and the search uses it", async ({ page }) => {
  await signIn(page, "EDITOR");
  await page.goto("/admin/synonymes");
  await expect(page.getByRole("heading", { name: "Synonymes de la recherche" })).toBeVisible();
  await expectNoAxeViolations(page);
  const form = page.locator("section", { has: page.getByRole("heading", { name: "Nouveau groupe" }) });
  await form.getByLabel("Termes (un par ligne)").fill("ornithorynque\nambassadeurs de l'égalité");
  await form.getByLabel("Source de l'équivalence").fill("Essai de bout en bout");
  await form.getByRole("button", { name: "Ajouter le groupe" }).click();
  await expect(page.getByText("Groupe de synonymes ajouté.")).toBeVisible();
  await page.goto("/initiatives?q=ornithorynque");
  await expect(page.getByRole("link", { name: "Les Ambassadeurs de l'égalité à Roubaix" })).toBeVisible();

  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/admin/synonymes");
  await expectNoSidewaysScroll(page);
});
