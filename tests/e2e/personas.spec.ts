import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// Issue 10: the two practitioners whose questions the base failed, on a laptop and on a phone.
// A chef de projet politique de la ville in Roubaix looks for what works against discrimination
// in her town and whom to call; one in Creil looks for what applies to Creil, including what the
// agglomération (ACSO) does, and what was learned there.

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

const ambassadeurs = /Les Ambassadeurs de l'égalité à Roubaix/;
const defenseur = /L'action locale du Défenseur des droits/;
const acsoPlan = /plan territorial de lutte contre les discriminations de l'Agglomération Creil Sud Oise/;

for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
    });

    test("Roubaix: one search from the home page answers what works here, what covers the town, and whom to call", async ({ page }) => {
      await page.goto("/");
      await page
        .getByRole("searchbox", { name: "Rechercher des initiatives, des acteurs, des enseignements et des sources" })
        .fill("discriminations Roubaix");
      await page.getByRole("button", { name: "Rechercher", exact: true }).click();
      await expect(page).toHaveURL(/\/recherche\?q=discriminations\+Roubaix/);
      // Roubaix is read as the place of every group: initiatives, lessons, actors, sources.
      await expect(page.getByText("« Roubaix » compris comme lieu (Roubaix).")).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: /^Initiatives/ })).toBeVisible();
      await expect(page.getByRole("region", { name: /^Acteurs/ }).getByRole("link", { name: /Défenseur des droits/ })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: /^Voir (les \d+ initiatives|l'initiative)$/ }).click();
      await expect(page).toHaveURL(/\/initiatives\?q=discriminations&territoire=59512/);
      // Local first, then what covers Roubaix from the région, marked as such; never ACSO's plan.
      const titles = page.getByRole("article").getByRole("heading");
      await expect(titles.first()).toHaveText(ambassadeurs);
      const covering = page.getByRole("article").filter({ has: page.getByRole("link", { name: defenseur }) });
      await expect(covering.getByText("Couvre ce lieu à l'échelle de la région")).toBeVisible();
      await expect(page.getByRole("link", { name: acsoPlan })).toHaveCount(0);
      await expect(page.getByRole("status")).toContainText("dans ce lieu (Roubaix)");

      if (width < 640) {
        // Results first on a phone: the filters wait in a closed panel, the first result is on
        // the first screens (it used to start about 4,500 px down).
        await expect(page.getByRole("heading", { name: "Filtrer" })).toBeHidden();
        const firstResult = await page.getByRole("link", { name: ambassadeurs }).boundingBox();
        expect(firstResult?.y).toBeLessThan(1800);
      }

      const whoToContact = page.getByRole("region", { name: "Qui contacter" });
      await expect(whoToContact.getByRole("link", { name: "Défenseur des droits" })).toBeVisible();
      await expectNoAxeViolations(page);
      await whoToContact.getByRole("link", { name: "Défenseur des droits" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Défenseur des droits" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Contacter" })).toBeVisible();
      await expect(page.getByRole("link", { name: /3928/ })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test("Creil: the town's page shows ACSO's plan at the agglomération's scale, and lessons come up for Creil", async ({ page }) => {
      await page.goto("/territoires/60175");
      await expect(page.getByRole("heading", { level: 1, name: "Creil" })).toBeVisible();
      // Creil's own entries first (the browser tests add many), then what covers it.
      await expect(page.getByText(/dans ce lieu \(Creil\), 2 à plus grande échelle/)).toBeVisible();
      await page
        .getByRole("navigation", { name: "Pagination" })
        .getByRole("link", { name: /Suivante/ })
        .click();
      const plan = page.getByRole("article").filter({ has: page.getByRole("link", { name: acsoPlan }) });
      await expect(plan.getByText("Couvre ce lieu à l'échelle de l'agglomération")).toBeVisible();
      await expect(page.getByRole("link", { name: ambassadeurs })).toHaveCount(0);
      await expect(page.getByRole("region", { name: "Qui contacter" })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.goto("/enseignements");
      await page.getByRole("searchbox", { name: "Lieu" }).fill("Creil");
      await page
        .getByRole("button", { name: /^(Rechercher|Filtrer|Appliquer)/ })
        .first()
        .click();
      await expect(page.getByRole("link", { name: "Former les professionnels est décisif" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Des pairs pour rétablir la confiance avec les institutions" })).toHaveCount(0);
      await expectNoAxeViolations(page);
      if (width < 640) {
        await page.setViewportSize({ width: 320, height: 800 });
        await expectNoSidewaysScroll(page);
      }
    });

    test("an approach with no initiative is not a dead end: definition, conditions of success and where to go next", async ({ page }) => {
      await page.goto("/approches/testing");
      await expect(page.getByRole("heading", { level: 1, name: "Testing et tests de situation" })).toBeVisible();
      await expect(page.getByRole("heading", { name: /Conditions de réussite/ })).toBeVisible();
      await expect(page.getByRole("main").getByRole("link").filter({ hasText: /./ }).first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
