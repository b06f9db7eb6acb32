import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// Creil holds the 22 browser-test workshops; ACSO's plan and the région's action cover it.
const CREIL = "60175";
const ROUBAIX = "59512";

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Creil: its own entries first, then what covers it, marked; the scope control narrows the list", async ({ page }) => {
    // Two full result pages on a cold server.
    test.slow();
    await page.goto(`/initiatives?territoire=${CREIL}&page=2`);
    await expect(page.getByRole("status")).toHaveText(
      "24 initiatives trouvées : 22 dans ce lieu (Creil), 2 à plus grande échelle, page 2 sur 2",
    );
    const plan = page
      .getByRole("article")
      .filter({ has: page.getByRole("link", { name: /plan territorial de lutte contre les discriminations/ }) });
    await expect(plan.getByText("Couvre ce lieu à l'échelle de l'agglomération")).toBeVisible();
    await expect(page.getByRole("article").filter({ hasText: "Couvre ce lieu à l'échelle de la région" })).toHaveCount(1);
    // axe runs in the page, so needs JavaScript: the phone test below checks the same templates.

    const scope = page.getByRole("group", { name: "Portée du lieu" });
    await scope.getByLabel("À plus grande échelle seulement (2)").check();
    await scope.getByRole("button", { name: "Appliquer la portée" }).click();
    await expect(page).toHaveURL(/portee=couvrant/);
    await expect(page.getByRole("status")).toHaveText("2 initiatives trouvées");
    await expect(page.getByRole("group", { name: "Portée du lieu" }).getByLabel(/À plus grande échelle seulement/)).toBeChecked();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("Roubaix: the territory page shows the région's action, marked; the scope applies at once", async ({ page }) => {
    await page.goto(`/territoires/${ROUBAIX}`);
    await expect(page.getByText("2 initiatives publiées : 1 dans ce lieu (Roubaix), 1 à plus grande échelle")).toBeVisible();
    const covering = page.getByRole("article").filter({ hasText: "Couvre ce lieu à l'échelle de la région" });
    await expect(covering).toHaveCount(1);
    await covering.screenshot({ path: "test-results/place-scope-card-390.png" });
    await expectNoAxeViolations(page);

    await page.goto(`/initiatives?territoire=${ROUBAIX}`);
    // On a phone the scope waits with the other filters in their panel, after the count.
    await expect(page.getByRole("status")).toHaveText(/1 dans ce lieu \(Roubaix\), 1 à plus grande échelle/);
    await page
      .getByText(/^Filtres/)
      .first()
      .click();
    await page
      .getByRole("group", { name: "Portée du lieu" })
      .getByLabel(/Dans ce lieu seulement/)
      .check();
    await expect(page).toHaveURL(/portee=local/);
    await expect(page.getByRole("status")).toHaveText("1 initiative trouvée");
    await expectNoAxeViolations(page);
  });

  test("reflows at 320 px", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [`/initiatives?territoire=${CREIL}&page=2`, `/territoires/${CREIL}`]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
    await page.goto(`/initiatives?territoire=${CREIL}&page=2`);
    await page
      .getByText(/^Filtres/)
      .first()
      .click();
    await page.getByRole("group", { name: "Portée du lieu" }).screenshot({ path: "test-results/place-scope-320.png" });
  });
});
