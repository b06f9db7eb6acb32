import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

const LABEL = "Chercher un lieu (nom, code postal, sigle ou code)";
const suggestions = (page: Page) => page.getByRole("listbox", { name: "Lieux proposés" }).getByRole("option");

// axe on the long search page takes well over the default 30 s on a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test("keyboard: a typo finds Roubaix, Enter applies the filter at once, and the facet shows its ancestors only", async ({ page }) => {
  await page.goto("/initiatives");
  const field = page.getByRole("combobox", { name: LABEL });
  await field.fill("Roubeix");
  const option = suggestions(page).filter({ hasText: "Roubaix" });
  await expect(option).toBeVisible();
  await expect(page.getByText(/1 lieu proposé/)).toBeVisible();
  await expectNoAxeViolations(page);
  await field.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(field).toHaveAttribute("aria-activedescendant", /.+/);
  await field.press("Enter");

  await expect(page).toHaveURL(/\/initiatives\?territoire=59512$/);
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("");
  const territory = page.getByRole("group", { name: "Territoire" });
  await expect(territory.getByLabel(/^Roubaix/)).toBeChecked();
  await expect(territory.getByLabel(/^Métropole Européenne de Lille/)).toBeVisible();
  await expect(territory.getByLabel(/^Lille \(/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("mouse: MEL is the Métropole, and its communes show on demand", async ({ page }) => {
  await page.goto("/initiatives");
  await page.getByRole("combobox", { name: LABEL }).fill("MEL");
  await expect(suggestions(page).first()).toContainText("Métropole Européenne de Lille");
  await suggestions(page).first().click();
  await expect(page).toHaveURL(/territoire=200093201$/);

  const territory = page.getByRole("group", { name: "Territoire" });
  await expect(territory.getByLabel(/^Roubaix/)).toHaveCount(0);
  await territory.getByRole("link", { name: "Voir les communes de Métropole Européenne de Lille (95)" }).click();
  await expect(page).toHaveURL(/voir=200093201/);
  await expect(territory.getByLabel(/^Roubaix/)).toBeVisible();
  // Ticking a commune of the list keeps the list open.
  await territory.getByLabel(/^Roubaix/).check();
  await expect(page).toHaveURL(/territoire=59512/);
  await expect(territory.getByLabel(/^Lille \(/)).toBeVisible();
  await territory.getByRole("link", { name: "Masquer les communes de Métropole Européenne de Lille" }).click();
  await expect(territory.getByLabel(/^Lille \(/)).toHaveCount(0);
});

test("a postcode gives its commune; junk says « Aucun lieu » with what to try", async ({ page }) => {
  await page.goto("/initiatives");
  const field = page.getByRole("combobox", { name: LABEL });
  await field.fill("60100");
  await expect(suggestions(page).first()).toContainText("Creil");
  await field.fill(")(*&%ff");
  await expect(page.getByText(/Aucun lieu trouvé pour « \)\(\*&%ff »\. Essayez un nom de commune/)).toBeVisible();
  await expect(suggestions(page)).toHaveCount(0);
  await field.press("Enter");
  await expect(page).toHaveURL(/lieu=/);
  await expect(page.getByText(/Aucun lieu trouvé pour/).first()).toBeVisible();
});

test("at 320 px the suggestions reflow without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/initiatives");
  // On a phone the filters wait in a closed panel, after the results.
  await page
    .getByText(/^Filtres/)
    .first()
    .click();
  await page.getByRole("combobox", { name: LABEL }).fill("saint");
  await expect(suggestions(page).first()).toBeVisible();
  await noSidewaysScroll(page);
  await page.screenshot({ path: "test-results/place-picker-320.png", fullPage: false });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the typed place is listed as links that apply it", async ({ page }) => {
    await page.goto("/initiatives");
    await page.getByLabel(LABEL).fill("59100");
    await page.getByRole("button", { name: "Chercher", exact: true }).click();
    await page.getByRole("link", { name: /^Roubaix/ }).click();
    await expect(page).toHaveURL(/territoire=59512/);
    // axe needs scripts in the page: the same template is checked with JavaScript above.
    await expect(page.getByRole("group", { name: "Territoire" }).getByLabel(/^Roubaix/)).toBeChecked();
  });
});
