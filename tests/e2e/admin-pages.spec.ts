import { type BrowserContext, expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { linkIn, mailsTo } from "./mailbox";
import { signIn } from "./admin-support";

// Whole journeys with axe on each page: longer than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe("every admin template passes axe, as an admin", () => {
  // One sign-in for the whole walk, one test per template: a slow page fails alone, within its own time.
  let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;
  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext();
    await signIn(await context.newPage(), "ADMIN");
    signedIn = await context.storageState();
    await context.close();
  });
  test.use({ storageState: async ({}, provide) => provide(signedIn) });

  const pages: Array<[string, string]> = [
    ["/admin", "Tableau de bord"],
    ["/admin/initiatives", "Initiatives"],
    ["/admin/initiatives?statut=PUBLISHED&tri=titre", "Initiatives"],
    ["/admin/themes", "Thèmes"],
    ["/admin/themes/nouveau", "Nouveau thème"],
    ["/admin/lessons", "Page introuvable"],
    ["/admin/sources", "Sources et documents"],
    ["/admin/relecture", "À relire"],
    ["/admin/corbeille", "Corbeille"],
    ["/admin/journal", "Journal"],
    ["/admin/courriels", "Courriels en échec"],
    ["/admin/donnees-personnelles", "Données personnelles d'une personne"],
    ["/admin/donnees-personnelles?adresse=editeur%40reperes.demo", "Données personnelles d'une personne"],
    ["/admin/utilisateurs", "Utilisateurs"],
    ["/admin/utilisateurs/nouveau", "Inviter un utilisateur"],
    ["/admin/compte", "Mon compte"],
    ["/admin/territoires?q=roubaix", "Territoires"],
    ["/admin/recherches", "Recherches du public"],
    ["/admin/import", "Importer des initiatives"],
  ];
  for (const [path, heading] of pages) {
    test(`${path} (« ${heading} »)`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expectNoAxeViolations(page);
    });
  }

  for (const list of ["/admin/acteurs", "/admin/enseignements", "/admin/sources", "/admin/utilisateurs"]) {
    test(`the first entry of ${list}`, async ({ page }) => {
      await page.goto(list);
      await page.getByRole("main").getByRole("table").getByRole("link").first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/./);
      await expectNoAxeViolations(page);
    });
  }

  test("the journal lists the sign-in", async ({ page }) => {
    await page.goto("/admin/journal");
    await expect(page.getByRole("cell", { name: "Connexion", exact: true }).first()).toBeVisible();
  });
});

test("an admin invites a user, who chooses a password through the link and signs in", async ({ page, browser }) => {
  await signIn(page, "ADMIN");
  await page.goto("/admin/utilisateurs/nouveau");
  const email = `nouvelle.${Date.now()}@irev.test`;
  await page.getByLabel("Nom").fill("Nina Nouvelle");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Rôle").selectOption({ label: "Contributeur" });
  await page.getByRole("button", { name: "Créer le compte" }).click();
  const link = await page.locator("code.secret").textContent();
  expect(link).toMatch(/\/connexion\/mot-de-passe\?jeton=/);
  // The same link is mailed to the invited person.
  await expect.poll(async () => (await mailsTo(email)).length, { timeout: 20_000 }).toBe(1);
  const [invitation] = await mailsTo(email);
  expect(invitation!.subject).toBe("Votre invitation à l'espace équipe de Repères");
  expect(linkIn(invitation!)).toBe(link);

  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(link!);
  await expectNoAxeViolations(invited);
  await invited.getByLabel("Mot de passe", { exact: true }).fill("password1234");
  await invited.getByLabel("Confirmez le mot de passe").fill("password1234");
  await invited.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(invited.getByRole("main").getByRole("alert")).toContainText("mots de passe courants");
  const chosen = "un jardin partagé au pied des tours";
  await invited.getByLabel("Mot de passe", { exact: true }).fill(chosen);
  await invited.getByLabel("Confirmez le mot de passe").fill(chosen);
  await invited.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(invited.getByRole("status")).toContainText("Mot de passe enregistré");
  await invited.goto("/connexion");
  await invited.getByLabel("Adresse e-mail").fill(email);
  await invited.getByLabel("Mot de passe").fill(chosen);
  await invited.getByRole("button", { name: "Se connecter" }).click();
  await expect(invited).toHaveURL(/\/admin$/);
  // A contributor does not reach the admin-only pages.
  const response = await invited.goto("/admin/utilisateurs");
  expect(response?.status()).toBe(403);
  await expect(invited.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
  await expectNoAxeViolations(invited);

  // Disabling the account ends the open session at the next request.
  await page.goto("/admin/utilisateurs");
  await page.getByRole("link", { name: "Nina Nouvelle" }).click();
  await page.getByLabel("Compte désactivé").check();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Compte mis à jour");
  await invited.goto("/admin");
  await expect(invited).toHaveURL(/\/connexion/);
  await context.close();
});

test("security headers, no-store on /admin, and the middleware-subrequest header grants nothing", async ({ request }) => {
  const home = await request.get("/");
  const csp = home.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-inline' 'nonce");
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  expect(home.headers()["x-content-type-options"]).toBe("nosniff");
  expect(home.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(home.headers()["strict-transport-security"]).toContain("max-age=");

  for (const value of [
    "middleware",
    "proxy",
    "proxy:proxy:proxy:proxy:proxy",
    "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  ]) {
    const response = await request.get("/admin/utilisateurs", { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/connexion");
    expect(response.headers()["cache-control"]).toContain("no-store");
  }
  const api = await request.get("/api/admin/territoires?q=roubaix", {
    headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  });
  expect(api.status()).toBe(401);
});

test("the nonce is applied: pages run their scripts under the CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill("x@y.fr");
  await page.getByLabel("Mot de passe").fill("nimporte quoi du tout");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  expect(violations).toEqual([]);
});
