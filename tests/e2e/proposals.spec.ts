import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoSidewaysScroll } from "./axe";
import { signIn } from "./admin-support";
import { mailsTo } from "./mailbox";

// A whole journey with axe on each page: longer than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("a visitor proposes an initiative without an account, a moderator accepts it, the draft exists", async ({ page }) => {
  const title = `Théâtre-forum contre les discriminations ${Date.now()}`;
  const email = `camille.${Date.now()}@exemple.fr`;
  await page.goto("/");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Proposer une initiative" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Proposer une initiative" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Consents start unticked; the server's French messages, per field, and nothing typed is lost.
  await expect(page.getByRole("checkbox", { name: /que l'IREV me contacte/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /contact public/ })).not.toBeChecked();
  const titleField = page.getByRole("textbox", { name: "Nom de l'initiative (obligatoire)" });
  await titleField.fill(title);
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
  const summary = page.getByRole("main").getByRole("alert").first();
  await expect(summary).toContainText("Le formulaire contient des erreurs");
  await expect(summary.getByRole("link", { name: "Description" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Description (obligatoire)" })).toHaveAttribute("aria-invalid", "true");
  await expect(titleField).toHaveValue(title);
  await expectNoAxeViolations(page);

  await page
    .getByRole("textbox", { name: "Description (obligatoire)" })
    .fill("Des habitants rejouent des scènes de discrimination vécues, le public cherche d'autres issues.");
  await page.getByLabel("Chercher un territoire").fill("Roubaix");
  await page.getByRole("button", { name: "Chercher", exact: true }).click();
  await page.getByRole("button", { name: /^Ajouter Roubaix \(commune/ }).click();
  await expect(page.getByRole("list", { name: "Lieux de l'initiative choisis" })).toContainText("Roubaix");
  await page.getByRole("group", { name: "Approches" }).getByRole("checkbox").first().check();
  await page.getByRole("textbox", { name: "Qui la porte" }).fill("Centre social de l'Alma");
  await page.getByRole("textbox", { name: "Votre nom (obligatoire)" }).fill("Camille Martin");
  await page.getByRole("textbox", { name: /Votre adresse e-mail/ }).fill(email);
  await page.getByRole("checkbox", { name: /que l'IREV me contacte/ }).check();
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(page).toHaveURL(/\/proposer\/merci$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Merci, votre message est bien arrivé");
  // After a server action's redirect, the new title streams in after the page's content.
  await expect(page).toHaveTitle(/Message envoyé/);
  await expectNoAxeViolations(page);

  // Nothing is public before staff accept it.
  await page.goto(`/recherche?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("status").first()).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: title })).toHaveCount(0);

  await signIn(page, "EDITOR");
  await expect(page.getByRole("main")).toContainText(/reçues? à traiter/);
  await page.getByRole("link", { name: "Voir les propositions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Propositions reçues" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByRole("main")).toContainText(email);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Accepter et créer le brouillon" }).click();

  await expect(page).toHaveURL(/\/admin\/initiatives\/\d+\?cree=1$/);
  await expect(page.getByRole("textbox", { name: "Titre (obligatoire)" })).toHaveValue(title);
  await expect(page.getByRole("main")).toContainText("Brouillon");

  // The proposer was mailed the acknowledgement, then the decision.
  await expect
    .poll(async () => (await mailsTo(email)).map((mail) => mail.subject).sort(), { timeout: 30_000 })
    .toEqual([`Acceptée : proposition « ${title} »`, `Bien reçu : proposition « ${title} »`]);
});

test("initiative pages offer « Signaler une correction », whose form (also on actors) reflows at 320 px", async ({ page }) => {
  await page.goto("/initiatives/ambassadeurs-de-l-egalite-roubaix");
  await page.getByRole("link", { name: "Signaler une correction ou un complément" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Signaler une correction ou un complément" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Votre message (obligatoire)" })).toBeVisible();
  await expectNoAxeViolations(page);

  for (const path of ["/proposer", "/initiatives/ambassadeurs-de-l-egalite-roubaix/signaler", "/acteurs/irev/signaler"]) {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(path);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  }
});

test("a lesson page takes a correction too, and its acceptance opens the lesson's edit page", async ({ page, request }) => {
  const email = `sam.${Date.now()}@exemple.fr`;
  await page.goto("/enseignements/former-les-professionnels");
  const lessonTitle = (await page.getByRole("heading", { level: 1 }).textContent())!;
  await page.getByRole("link", { name: "Signaler une correction ou un complément" }).click();
  await expect(page).toHaveURL(/\/enseignements\/former-les-professionnels\/signaler$/);
  await expect(page.getByRole("main")).toContainText(`À propos de « ${lessonTitle} »`);
  await expect(page.getByRole("navigation", { name: "Fil d'Ariane" }).getByRole("link", { name: "Enseignements" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Votre message (obligatoire)" }).fill("La formation a aussi eu lieu à Tourcoing en 2025.");
  await page.getByRole("textbox", { name: "Votre nom (obligatoire)" }).fill("Sam Durand");
  await page.getByRole("textbox", { name: /Votre adresse e-mail/ }).fill(email);
  await page.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(page).toHaveURL(/\/proposer\/merci\?fiche=enseignements\/former-les-professionnels$/);
  await expect(page.getByRole("link", { name: "Revenir à la fiche" })).toHaveAttribute("href", "/enseignements/former-les-professionnels");
  await expectNoAxeViolations(page);

  // An entry that is not published has no such page.
  const missing = await request.get("/enseignements/inconnu/signaler");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("Page introuvable");

  await signIn(page, "EDITOR");
  await page.goto("/admin/propositions");
  await page
    .getByRole("link", { name: new RegExp(`à propos de l'enseignement « ${lessonTitle} »`) })
    .last()
    .click();
  await expect(page.getByRole("main")).toContainText(email);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Accepter et ouvrir la fiche" }).click();
  await expect(page).toHaveURL(/\/admin\/enseignements\/\d+$/);
  await expect(page.getByRole("textbox", { name: "Titre (obligatoire)" })).toHaveValue(lessonTitle);

  await expect
    .poll(async () => (await mailsTo(email)).map((mail) => mail.subject).sort(), { timeout: 30_000 })
    .toEqual([`Acceptée : correction de la fiche « ${lessonTitle} »`, `Bien reçu : correction de la fiche « ${lessonTitle} »`]);
});
