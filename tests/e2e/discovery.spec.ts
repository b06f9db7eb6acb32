import { expect, test } from "@playwright/test";
import { E2E_DRAFT_SLUG, E2E_TRASHED_SLUG } from "../support/e2e-fixtures";
import { expectNoAxeViolations } from "./axe";

const TOTAL = 26; // 4 demo initiatives + 22 fixtures

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the GET form filters, shows chips and resets", async ({ page }) => {
    await page.goto("/initiatives");
    const filters = page.getByRole("complementary", { name: "Filtres" });
    await filters
      .getByRole("group", { name: "Approche" })
      .getByLabel(/Pairs et ambassadeurs habitants/)
      .check();
    await filters.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/approche=pairs-ambassadeurs/);
    await expect(page.getByRole("status")).toHaveText("1 initiative trouvée");
    await expect(page.getByRole("link", { name: "Les Ambassadeurs de l'égalité à Roubaix" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Retirer le filtre Approche : Pairs et ambassadeurs habitants/ })).toBeVisible();
    await page.getByRole("link", { name: "Réinitialiser" }).click();
    await expect(page.getByRole("status")).toHaveText(`${TOTAL} initiatives trouvées, page 1 sur 2`);
  });

  test("the territory picker finds ACSO by its alias and includes its communes", async ({ page }) => {
    await page.goto("/initiatives");
    await page.getByLabel("Chercher un lieu (nom, code postal, sigle ou code)").fill("acso");
    await page.getByRole("button", { name: "Chercher", exact: true }).click();
    await page.getByRole("link", { name: /^CA Creil Sud Oise/ }).click();
    await expect(page).toHaveURL(/territoire=200068047/);
    // ACSO's own plan and the 22 workshops in Creil, a commune of ACSO; then the région's action.
    await expect(page.getByRole("status")).toHaveText(
      "24 initiatives trouvées : 23 dans ce lieu (CA Creil Sud Oise), 1 à plus grande échelle, page 1 sur 2",
    );
  });
});

test("with JavaScript, filters apply without a reload, keep the URL in sync, and back/forward restore them", async ({ page }) => {
  await page.goto("/initiatives");
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));
  const approach = page.getByRole("group", { name: "Approche" }).getByLabel(/Testing et tests de situation/);
  await approach.check();
  await expect(page).toHaveURL(/\?approche=testing$/);
  await expect(page.getByRole("status")).toHaveText("22 initiatives trouvées, page 1 sur 2");
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same document");

  await page.getByLabel("Mots-clés").fill("Creil");
  await page.getByLabel("Mots-clés").press("Enter");
  await expect(page).toHaveURL(/q=Creil&approche=testing/);

  await page.goBack();
  await expect(page).toHaveURL(/\?approche=testing$/);
  await expect(page.getByLabel("Mots-clés")).toHaveValue("");
  await page.goBack();
  await expect(page).toHaveURL(/\/initiatives$/);
  await expect(page.getByRole("status")).toHaveText(`${TOTAL} initiatives trouvées, page 1 sur 2`);
  await expect(approach).not.toBeChecked();
  await page.goForward();
  await expect(approach).toBeChecked();
});

test("a shared URL gives the same page, with filters shown as chosen", async ({ page }) => {
  await page.goto("/initiatives?q=atelier&territoire=60175&approche=testing&tri=titre&page=2");
  await expect(page.getByRole("status")).toHaveText("22 initiatives trouvées, page 2 sur 2");
  await expect(page.getByLabel("Mots-clés")).toHaveValue("atelier");
  await expect(page.getByLabel("Trier par")).toHaveValue("titre");
  await expect(page.getByRole("group", { name: "Territoire" }).getByLabel(/^Creil/)).toBeChecked();
  await expect(page.getByRole("link", { name: "Page 1" })).toHaveAttribute(
    "href",
    "/initiatives?q=atelier&territoire=60175&approche=testing&tri=titre",
  );
  await expectNoAxeViolations(page);
});

test("keyboard only: search, tick a filter, go to page 2", async ({ page }) => {
  await page.goto("/initiatives");
  await page.getByLabel("Mots-clés").focus();
  await page.keyboard.type("atelier");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("22 initiatives trouvées, page 1 sur 2");

  const checkbox = page.getByRole("group", { name: "Statut" }).getByLabel(/Terminée/);
  await checkbox.focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/statut=termine/);
  await expect(checkbox).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page).not.toHaveURL(/statut=/);

  const next = page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Page 2" });
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("22 initiatives trouvées, page 2 sur 2");
});

test("highlights and typo tolerance", async ({ page }) => {
  await page.goto("/initiatives?q=Roubais");
  await expect(page.getByText(/la recherche inclut aussi « roubaix »/)).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText(/roubaix/i);
});

test("an empty result suggests removing a filter", async ({ page }) => {
  await page.goto("/initiatives?q=xylophone&approche=testing");
  await expect(page.getByRole("status")).toHaveText("Aucune initiative ne correspond à votre recherche.");
  await expect(page.getByText("Essayez de retirer un filtre")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("drafts and trashed initiatives are 404 and found nowhere", async ({ page, request }) => {
  for (const slug of [E2E_DRAFT_SLUG, E2E_TRASHED_SLUG]) {
    expect((await request.get(`/initiatives/${slug}`)).status()).toBe(404);
  }
  await page.goto("/initiatives?q=brouillon secret");
  await expect(page.getByRole("status")).toHaveText("Aucune initiative ne correspond à votre recherche.");
  await page.goto("/territoires/59512");
  await expect(page.getByText("2 initiatives publiées : 1 dans ce lieu (Roubaix), 1 à plus grande échelle")).toBeVisible();
});

test("bad query strings give a normal page, never a 500, never reflected unescaped", async ({ request }) => {
  const hostile = "<script>alert(1)</script>";
  for (const query of [
    `q=${encodeURIComponent(hostile)}`,
    `q=${"a".repeat(10_000)}`,
    "page=-1",
    "page=abc",
    "q=%FF%FE",
    "q=%E9galit%E9",
    "territoire=%27%3B%20DROP%20TABLE",
    "approche=inconnue&theme=&annee=99999&acteur=x&statut=y&tri=z&inconnu=1",
    `lieu=${encodeURIComponent(hostile)}`,
  ]) {
    const response = await request.get(`/initiatives?${query}`);
    expect(response.status(), query).toBe(200);
    expect(await response.text(), query).not.toContain(hostile);
  }
  expect((await request.get(`/enseignements?q=${encodeURIComponent(hostile)}&niveau=x&page=-3`)).status()).toBe(200);
  expect((await request.get("/territoires/%27%3Bdrop")).status()).toBe(404);
  expect((await request.get("/themes/inconnu")).status()).toBe(404);
});

test("pages link both ways: initiative, actor, theme, approach, territory, lesson", async ({ page }) => {
  await page.goto("/initiatives/plan-territorial-lutte-discriminations-acso");
  const facts = page.getByRole("complementary", { name: "En bref" });
  await facts.getByRole("link", { name: "Agglomération Creil Sud Oise" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agglomération Creil Sud Oise");
  await page.getByRole("link", { name: /Le plan territorial de lutte contre les discriminations/ }).click();
  await page.getByRole("complementary", { name: "En bref" }).getByRole("link", { name: "CA Creil Sud Oise" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CA Creil Sud Oise");
  await expect(page.getByText(/^24 initiatives publiées : 23 dans ce lieu \(CA Creil Sud Oise\), 1 à plus grande échelle/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Territoires inclus" }).getByRole("link", { name: "Creil" })).toBeVisible();
  await page.goto("/initiatives/plan-territorial-lutte-discriminations-acso");
  await expect(page.getByRole("heading", { name: "Initiatives proches" })).toBeVisible();
  await page.getByRole("link", { name: "Former les professionnels est décisif" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Former les professionnels est décisif");
  await expect(page.getByText(/Niveau de preuve : Retour d'expérience/)).toBeVisible();
});

const templates = [
  "/",
  "/initiatives?q=egalite&territoire=59&statut=en-cours",
  "/initiatives?territoire=200068047&approche=testing&page=2",
  "/initiatives/ambassadeurs-de-l-egalite-roubaix",
  "/initiatives/plan-territorial-lutte-discriminations-acso",
  "/acteurs",
  "/acteurs/collectif-kif-kif",
  "/themes",
  "/themes/discriminations-egalite",
  "/approches",
  "/approches/testing?page=2",
  "/territoires/200068047",
  "/territoires/32",
  "/enseignements?theme=acces-aux-droits&niveau=retour-experience",
  "/enseignements/former-les-professionnels",
  "/accessibilite",
  "/mentions-legales",
  "/donnees-personnelles",
  "/page-qui-n-existe-pas",
];

for (const path of templates) {
  test(`axe finds no violation on ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expectNoAxeViolations(page);
  });
}
