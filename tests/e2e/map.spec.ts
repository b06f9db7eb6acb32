import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

const MEL = "Métropole Européenne de Lille";

test("the map follows the search filters and each territory links to its initiatives", async ({ page }) => {
  await page.goto("/carte?niveau=epci&approche=pairs-ambassadeurs");
  await expect(page.getByRole("heading", { level: 1, name: "Carte des initiatives" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("1 initiative correspond à vos filtres");
  await expect(page.getByRole("link", { name: /Pairs et ambassadeurs habitants.*retirer ce filtre/ })).toBeVisible();

  await expect(page.locator("svg[data-map] .choropleth__shapes a")).toHaveCount(92);
  // The table gives the same figures as the map: the MEL holds the one match, ACSO none.
  const table = page.getByRole("table", { name: /Initiatives par EPCI/ });
  await expect(table.getByRole("row", { name: new RegExp(`${MEL}.* 1 `) })).toBeVisible();
  await expect(table.getByRole("row", { name: /CA Creil Sud Oise 0/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Nombre d'initiatives" }).getByRole("listitem")).toHaveText(["Aucune initiative", "1"]);
  await expectNoAxeViolations(page);

  // The MEL's shape links to the list, filtered to it, keeping the approach.
  const mel = page.locator("svg[data-map] a", { has: page.locator("title", { hasText: `${MEL} : 1 initiative` }) });
  // What the figure counts: the initiatives inside the MEL.
  await expect(mel).toHaveAttribute("href", "/initiatives?territoire=200093201&approche=pairs-ambassadeurs&portee=local");

  // Switching to the list keeps the filters.
  await page.getByRole("link", { name: /Voir ces initiatives en liste/ }).click();
  await expect(page).toHaveURL(/\/initiatives\?approche=pairs-ambassadeurs$/);
});

test("zooming into ACSO shows its 11 communes, keyboard-reachable with name and count", async ({ page }) => {
  await page.goto("/carte");
  await page.getByLabel("Niveau").selectOption({ label: "Communes" });
  await page.getByLabel("Zone").selectOption({ label: "CA Creil Sud Oise" });
  await page.getByRole("button", { name: "Afficher la carte" }).click();
  await expect(page).toHaveURL(/niveau=communes&zoom=200068047/);
  await expect(page.getByRole("heading", { level: 2, name: "Communes – CA Creil Sud Oise" })).toBeVisible();
  await expect(page.locator("svg[data-map] .choropleth__shapes a")).toHaveCount(11);
  await expectNoAxeViolations(page);

  // Keyboard: the skip link, then each territory is a focusable link.
  await page.getByRole("link", { name: "Passer la carte et aller au tableau des chiffres" }).focus();
  await page.keyboard.press("Tab");
  for (let i = 0; i < 3; i += 1) await page.keyboard.press("Tab");
  const focused = page.locator("svg[data-map] a:focus");
  await expect(focused).toHaveCount(1);
  await expect(focused.locator("title")).toHaveText(/^[^:]+ : 0 initiative$/);
  // With JavaScript the name and count also show next to the shape.
  await expect(page.locator(".map-tip")).toHaveText(/ : 0 initiative$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/initiatives\?territoire=60\d{3}&portee=local$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the commune map of the région is drawn on the server, with its table and legend", async ({ page }) => {
    await page.goto("/carte?niveau=communes");
    await expect(page.locator("svg[data-map] .choropleth__shapes a")).toHaveCount(3782);
    await expect(page.locator("svg[data-map] a", { has: page.locator("title", { hasText: "Roubaix : 1 initiative" }) })).toHaveCount(1);
    const table = page.getByRole("table", { name: /Initiatives par commune, Hauts-de-France/ });
    await expect(table.getByRole("link", { name: "Roubaix" })).toBeVisible();
    await expect(page.getByText("Nombre d'initiatives")).toBeVisible();
    // No zoom buttons without the script that would make them work.
    await expect(page.getByRole("button", { name: "Zoomer" })).toHaveCount(0);

    // The view form works as a plain GET form.
    await page.getByLabel("Zone").selectOption({ label: "Nord (59)" });
    await page.getByRole("button", { name: "Afficher la carte" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Communes – Nord" })).toBeVisible();
  });
});
