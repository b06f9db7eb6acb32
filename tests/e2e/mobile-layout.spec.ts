import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { signIn } from "./admin-support";
import { expectNoAxeViolations } from "./axe";

const PHONE = { width: 390, height: 844 };
const NARROWEST = { width: 320, height: 640 };

// One sign-in for every staff test of this file: its cookies are kept in a file each starts from.
const staffState = path.join(mkdtempSync(path.join(tmpdir(), "reperes-e2e-")), "admin.json");

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ baseURL, storageState: undefined });
  const page = await context.newPage();
  await signIn(page, "ADMIN", "/admin", 30_000);
  await context.storageState({ path: staffState });
  await context.close();
});

/** WCAG 1.4.10: nothing wider than the viewport; names the elements that stick out, if any. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const sticking = Array.from(document.querySelectorAll("body *"))
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, sticking };
  });
  expect(overflow.scrollWidth, `too wide: ${overflow.sticking.join(", ")}`).toBeLessThanOrEqual(overflow.clientWidth);
}

/** One test per template, so that no single test takes long. */
function testReflow(urls: string[]) {
  for (const url of urls) {
    test(`${url} has no horizontal scroll`, async ({ page }) => {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
    });
  }
}

test.describe("/initiatives on a phone (390 px)", () => {
  test.use({ viewport: PHONE });

  test("the count and the first result come before the filters, which wait in a closed panel", async ({ page }) => {
    await page.goto("/initiatives");
    const firstResult = page.locator(".search-layout__results .card-list > li").first();
    await expect(firstResult).toBeVisible();
    const top = (await firstResult.boundingBox())!.y;
    expect(top).toBeLessThan(PHONE.height);
    await expect(page.getByRole("group", { name: "Approche" })).toBeHidden();
    await expect(page.getByText("Filtres", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the panel says how many filters are active, opens, and each ticked box changes the announced count", async ({ page }) => {
    // Testing (22 finished workshops in Creil) or peers (the ongoing Ambassadeurs): 23.
    await page.goto("/initiatives?approche=testing&approche=pairs-ambassadeurs");
    const toggle = page.getByText("Filtres (2)", { exact: true });
    await expect(toggle).toBeVisible();
    const status = page.getByRole("status");
    await expect(status).toHaveText("23 initiatives trouvées, page 1 sur 2");
    await toggle.click();
    const finished = page.getByRole("group", { name: "Statut" }).getByLabel(/Terminée/);
    await expect(finished).toBeVisible();
    await expectNoAxeViolations(page);

    await finished.check();
    await expect(page).toHaveURL(/statut=termine/);
    await expect(status).toHaveText("22 initiatives trouvées, page 1 sur 2");
    await expect(page.getByText("Filtres (3)", { exact: true })).toBeVisible();
    // Focus stays where the person was, and the panel stays open for the next filter.
    await expect(finished).toBeFocused();
    await expect(page.getByRole("group", { name: "Approche" })).toBeVisible();
  });

  test("« Aller aux résultats » moves focus to the count, and removing a chip does not drop focus to the page", async ({ page }) => {
    await page.goto("/initiatives?approche=testing");
    await page.getByRole("link", { name: "Aller aux résultats" }).first().click();
    await expect(page.getByRole("status")).toBeFocused();

    await page.getByRole("link", { name: /Retirer le filtre Approche/ }).click();
    await expect(page).toHaveURL(/\/initiatives$/);
    await expect(page.getByRole("status")).toBeFocused();
  });

  test("a search that finds nothing says what to try next", async ({ page }) => {
    await page.goto("/initiatives?q=xylophone&territoire=60175");
    await expect(page.getByRole("heading", { name: "Pistes pour trouver quand même" })).toBeVisible();
    await expect(page.getByText("Choisissez un lieu plus large")).toBeVisible();
    await expect(page.getByRole("link", { name: "approches", exact: true })).toHaveAttribute("href", "/approches");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the panel is a plain disclosure and the GET form still applies the filters", async ({ page }) => {
      await page.goto("/initiatives");
      await expect(page.getByRole("group", { name: "Approche" })).toBeHidden();
      await page.getByText("Filtres", { exact: true }).click();
      await page
        .getByRole("group", { name: "Approche" })
        .getByLabel(/Pairs et ambassadeurs habitants/)
        .check();
      await page.getByRole("button", { name: "Appliquer les filtres" }).click();
      await expect(page).toHaveURL(/approche=pairs-ambassadeurs/);
      await expect(page.getByRole("status")).toHaveText("1 initiative trouvée");
      await expect(page.getByText("Filtres (1)", { exact: true })).toBeVisible();
    });
  });
});

test("on a desktop the filters stay beside the results, without a panel button", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/initiatives?approche=testing");
  await expect(page.getByRole("group", { name: "Approche" })).toBeVisible();
  await expect(page.getByText("Filtres (1)", { exact: true })).toBeHidden();
  const facets = (await page.getByRole("complementary", { name: "Filtres" }).boundingBox())!;
  const results = (await page.getByRole("region", { name: "Résultats" }).boundingBox())!;
  expect(facets.x + facets.width).toBeLessThanOrEqual(results.x);
});

test.describe("approach pages lead somewhere (390 px)", () => {
  test.use({ viewport: PHONE });

  test("an approach with no initiative shows its definition, conditions of success, related approaches and lessons", async ({ page }) => {
    await page.goto("/approches/mediation");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Médiation");
    await expect(page.getByRole("heading", { name: "Définition" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Conditions de réussite" })).toBeVisible();
    await expect(page.getByText("Aucune initiative publiée pour l'instant.")).toBeVisible();
    const related = page.getByRole("navigation", { name: "D'autres approches, avec des initiatives" });
    await expect(related.getByRole("link", { name: "Testing et tests de situation" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Enseignements sur ces autres approches" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Chercher dans toutes les initiatives" })).toHaveAttribute(
      "href",
      "/initiatives?approche=mediation",
    );
    await expectNoAxeViolations(page);
  });

  test("an approach with nothing in a place shows the same approach elsewhere in the région", async ({ page }) => {
    await page.goto("/approches/pairs-ambassadeurs?territoire=60175");
    await expect(page.getByRole("heading", { name: "Initiatives à Creil" })).toBeVisible();
    const elsewhere = page.getByRole("region", { name: "La même approche ailleurs dans la région" });
    await expect(elsewhere.getByRole("link", { name: "Les Ambassadeurs de l'égalité à Roubaix" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("the staff area on a phone (390 px)", () => {
  test.use({ viewport: PHONE, storageState: staffState });

  test("the menu is folded, so the page starts on the first screen, and opens on demand", async ({ page }) => {
    await page.goto("/admin");
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toBeVisible();
    expect((await heading.boundingBox())!.y).toBeLessThan(PHONE.height / 2);
    const menu = page.getByRole("navigation", { name: "Espace équipe" });
    await expect(menu.getByRole("link", { name: "Corbeille" })).toBeHidden();
    await menu.getByText("Menu de l'espace équipe").click();
    await menu.getByRole("link", { name: "Corbeille" }).click();
    await expect(heading).toHaveText("Corbeille");
    // The next page starts with the menu folded again.
    await expect(menu.getByRole("link", { name: "Corbeille" })).toBeHidden();
    await expectNoAxeViolations(page);
  });
});

test.describe("reflow at 320 px, public templates", () => {
  test.use({ viewport: NARROWEST });

  testReflow([
    "/",
    "/initiatives",
    "/initiatives?approche=testing&territoire=60175&statut=en-cours",
    "/initiatives/action-locale-du-defenseur-des-droits",
    "/initiatives/plan-territorial-lutte-discriminations-acso",
    "/acteurs",
    "/acteurs/defenseur-des-droits",
    "/enseignements",
    "/enseignements/complementarite-juridique-psychosocial",
    "/territoires/60175",
    "/territoires/200068047",
    "/approches",
    "/approches/mediation",
    "/approches/testing",
    "/themes",
    "/themes/discriminations-egalite",
    "/carte",
    "/carte?niveau=communes",
    "/api",
    "/accessibilite",
    "/donnees-personnelles",
    "/mentions-legales",
    "/connexion",
    "/connexion/mot-de-passe-oublie",
    "/suivre?liste=initiatives&approche=testing&territoire=60175&q=emploi",
    "/suivre/confirmer?jeton=inconnu",
    "/suivre/desabonner?jeton=inconnu",
    "/une-page-qui-n-existe-pas",
  ]);

  test("/initiatives with the filter panel open has no horizontal scroll", async ({ page }) => {
    await page.goto("/initiatives?territoire=200068047");
    await page.getByText("Filtres (1)", { exact: true }).click();
    await expect(page.getByRole("group", { name: "Territoire" })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});

test.describe("reflow at 320 px, staff templates", () => {
  test.use({ viewport: NARROWEST, storageState: staffState });

  testReflow([
    "/admin",
    "/admin/initiatives",
    "/admin/initiatives/nouveau",
    "/admin/acteurs",
    "/admin/approches",
    "/admin/relecture",
    "/admin/corbeille",
    "/admin/journal",
    "/admin/courriels",
    "/admin/donnees-personnelles?adresse=editeur%40reperes.demo",
    "/admin/utilisateurs",
    "/admin/utilisateurs/nouveau",
    "/admin/compte",
    "/admin/territoires?q=roubaix",
  ]);

  for (const list of ["/admin/initiatives", "/admin/approches", "/admin/utilisateurs"]) {
    test(`the edit page and its history, opened from ${list}, have no horizontal scroll`, async ({ page }) => {
      await page.goto(list);
      await page.getByRole("main").getByRole("table").getByRole("link").first().click();
      await expect(page).not.toHaveURL(new RegExp(`${list}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
      if (list !== "/admin/utilisateurs") {
        await page.goto(`${new URL(page.url()).pathname}/historique`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSidewaysScroll(page);
      }
    });
  }

  test("the approach editor offers the conditions of success", async ({ page }) => {
    await page.goto("/admin/approches");
    await page.getByRole("main").getByRole("table").getByRole("link", { name: "Médiation" }).click();
    await expect(page.getByLabel("Conditions de réussite")).toHaveValue(/tiers/);
    await expectNoAxeViolations(page);
  });
});
