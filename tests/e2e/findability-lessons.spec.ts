import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// Axe on a loaded 2-core machine takes most of the default 30 s.
test.describe.configure({ timeout: 90_000 });

const ACSO_LESSON = "Former les professionnels est décisif";

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("the home search box answers with every kind, grouped, each leading to its full list", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Rechercher des initiatives, des acteurs, des enseignements et des sources").fill("discriminations");
  await page.getByRole("search", { name: "Rechercher dans Repères" }).getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/recherche\?q=discriminations$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Résultats pour « discriminations »");
  await expect(page.getByRole("status")).toHaveText(/^\d+ résultats : \d+ initiatives?, \d+ acteurs?, \d+ enseignements?, \d+ sources?\.$/);
  for (const kind of ["Initiatives", "Enseignements", "Acteurs", "Sources et documents"]) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${kind} \\(\\d+\\)$`) })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  const lessonsHeading = await page.getByRole("heading", { level: 2, name: /^Enseignements/ }).textContent();
  const lessonCount = Number(/\((\d+)\)/.exec(lessonsHeading ?? "")![1]);
  await page.getByRole("link", { name: new RegExp(`^Voir (les ${lessonCount} enseignements|l'enseignement)$`) }).click();
  await expect(page).toHaveURL(/\/enseignements\?q=discriminations$/);
  await expect(page.getByRole("status")).toHaveText(lessonCount > 1 ? `${lessonCount} enseignements trouvés` : "1 enseignement trouvé");
  await expect(page.locator("mark").first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("/enseignements by place: ACSO's lesson comes up for Creil from the agglomeration, never for Roubaix", async ({ page }) => {
    await page.goto("/enseignements");
    await page.getByLabel("Lieu", { exact: true }).fill("Creil");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByText("« Creil » compris comme")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/enseignements trouvés : 0 à Creil même, \d+ à plus grande échelle$/);
    const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: ACSO_LESSON }) });
    await expect(card).toContainText("À l'échelle de l'agglomération");
    // Axe needs JavaScript: this page with a place is checked in the phone test below.

    await page.getByLabel("Portée").selectOption("local");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(/territoire=60175&portee=local/);
    await expect(page.getByRole("status")).toHaveText("Aucun enseignement ne correspond à votre recherche.");
    await page.getByRole("link", { name: /Voir aussi ce qui couvre Creil/ }).click();
    await expect(page.getByRole("link", { name: ACSO_LESSON })).toBeVisible();

    await page.goto("/enseignements?territoire=59512");
    await expect(page.getByRole("link", { name: "Des pairs pour rétablir la confiance avec les institutions" })).toBeVisible();
    await expect(page.getByRole("link", { name: ACSO_LESSON })).toHaveCount(0);
  });
});

test("on a phone, /recherche and /enseignements reflow without sideways scrolling", async ({ page }) => {
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/recherche?q=discriminations&lieu=Creil");
    await expect(page.getByText("« Creil » compris comme")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.goto("/enseignements?q=professionnels&territoire=60175");
    await expect(page.getByRole("link", { name: ACSO_LESSON })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/enseignements-320.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/recherche?q=discriminations&lieu=Creil");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/recherche-390.png", fullPage: true });
});

// Control characters and broken percent-encoding are refused earlier, by the proxy (hostile-input.spec.ts).
test("junk in every parameter gives a page, never an error", async ({ page }) => {
  for (const path of [
    "/recherche?q=%C3%BF%E2%80%AE&lieu=%5C&portee=%3Cscript%3E",
    "/enseignements?lieu=%22%27%3B--",
    `/enseignements?q=${"x".repeat(10_000)}&territoire=99999&portee=zz`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
  }
  await expect(page.getByText("Aucun lieu ne porte ce code")).toBeVisible();
});
