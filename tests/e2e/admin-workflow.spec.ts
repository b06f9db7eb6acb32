import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { openFromAdminList, signIn } from "./admin-support";

// Whole journeys with axe on each page: longer than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("a wrong password gets one French message that does not say whether the account exists", async ({ page }) => {
  await page.goto("/connexion");
  await expectNoAxeViolations(page);
  for (const email of ["editeur@reperes.demo", "personne@reperes.demo"]) {
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  }
});

test("a contributor drafts an initiative with relations, an editor publishes it, the public sees it", async ({ page }) => {
  // Stored XSS attempt in a plain-text field and in Markdown: rendered as text, never run.
  const title = `Atelier <img src=x onerror="window.pwned=1"> numérique ${Date.now()}`;
  await signIn(page, "CONTRIBUTOR");
  await expectNoAxeViolations(page);
  await page.goto("/admin/initiatives/nouveau");
  await expectNoAxeViolations(page);

  // Server-side validation: errors per field, input kept.
  await page.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(title);
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText("Le formulaire contient des erreurs");
  await expect(page.getByRole("textbox", { name: "Résumé (obligatoire)" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Titre (obligatoire)" })).toHaveValue(title);
  await expectNoAxeViolations(page);

  await page
    .getByRole("textbox", { name: "Résumé (obligatoire)" })
    .fill("Des habitants formés accompagnent leurs voisins dans leurs démarches en ligne.");
  await page.getByLabel("Description").fill("Un **atelier** chaque semaine.\n\n<script>window.pwned = true</script>");
  await page.getByRole("button", { name: "Aperçu" }).first().click();
  await expect(page.getByRole("region", { name: "Aperçu" })).toContainText("atelier");
  await expect(page.getByRole("region", { name: "Aperçu" }).locator("strong")).toHaveText("atelier");
  await expect(page.getByRole("region", { name: "Aperçu" }).locator("script")).toHaveCount(0);
  await page.getByRole("button", { name: "Revenir à l'édition" }).click();

  await page.getByRole("button", { name: "Ajouter un acteur" }).click();
  await page.getByLabel("Acteur 1", { exact: true }).selectOption({ label: "Défenseur des droits" });
  await page.getByLabel("Rôle de l'acteur 1").selectOption({ label: "Porteur" });
  await page.getByLabel("Chercher un territoire").fill("acso");
  await page.getByRole("button", { name: "Chercher", exact: true }).click();
  await page.getByRole("button", { name: /Ajouter CA Creil Sud Oise/ }).click();
  await expect(page.getByRole("list", { name: "Territoires choisis" })).toContainText("Creil Sud Oise");
  await page.getByRole("group", { name: "Thèmes" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Créer le brouillon" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("status").filter({ hasText: "Brouillon créé" })).toBeVisible();
  await expect(page.getByText("Brouillon", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publier" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Soumettre en relecture" }).click();
  await expect(page.getByText("En relecture", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  const editUrl = page.url().split("?")[0]!;

  await page.context().clearCookies();
  await signIn(page, "EDITOR");
  await page.goto("/admin/relecture");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(editUrl);
  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByText("Publié", { exact: true })).toBeVisible();

  await page.goto("/initiatives");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const facts = page.getByRole("complementary", { name: "En bref" });
  await expect(facts).toContainText("Défenseur des droits (porteur)");
  await expect(facts).toContainText("Creil Sud Oise");
  await expect(page.locator(".prose strong").first()).toHaveText("atelier");
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();

  // Archiving takes it off the public pages again (and leaves the demo list as the other specs expect).
  await page.goto(editUrl);
  await page.getByRole("button", { name: "Archiver" }).click();
  await expect(page.getByText("Archivé", { exact: true })).toBeVisible();
  await page.goto("/initiatives");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("two editors save the same initiative: the second gets the conflict and keeps their input", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, "EDITOR");
  await signIn(b, "ADMIN");
  // A draft of its own, so that the demo content the other specs read stays as it is.
  await a.goto("/admin/initiatives/nouveau");
  await a.getByRole("textbox", { name: "Titre (obligatoire)" }).fill("Initiative relue à deux");
  await a.getByRole("textbox", { name: "Résumé (obligatoire)" }).fill("Le résumé de départ, que chacun va modifier.");
  await a.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(a).toHaveURL(/\/admin\/initiatives\/\d+\?cree=1$/);
  await a.goto(a.url().split("?")[0]!);
  await b.goto(a.url());
  const original = await b.getByRole("textbox", { name: "Résumé (obligatoire)" }).inputValue();

  await a.getByRole("textbox", { name: "Résumé (obligatoire)" }).fill("Résumé changé par le premier éditeur, qui enregistre d'abord.");
  await a.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(a.getByRole("status").filter({ hasText: "Modifications enregistrées" })).toBeVisible();

  const mine = "Initiative relue à deux (titre du second)";
  await b.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(mine);
  await b.getByRole("button", { name: "Enregistrer", exact: true }).click();
  const alert = b.getByRole("main").getByRole("alert").filter({ hasText: "pendant que vous le modifiiez" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("table", { name: "Modifié entre-temps" })).toContainText("Résumé changé par le premier éditeur");
  await expect(b.getByRole("textbox", { name: "Titre (obligatoire)" })).toHaveValue(mine);
  await expectNoAxeViolations(b);

  // Nothing was overwritten silently: only after reading the changes may the second editor
  // replace the current version with the whole of theirs.
  await b.getByRole("button", { name: "J'ai vérifié : garder ma version" }).click();
  await b.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(b.getByRole("heading", { level: 1 })).toHaveText(mine);
  await expect(b.getByRole("textbox", { name: "Résumé (obligatoire)" })).toHaveValue(original);
  await b.getByRole("link", { name: "Historique des versions" }).click();
  await expect(b.getByRole("cell", { name: "Étienne Éditeur" }).first()).toBeVisible();
  await expect(b.getByRole("cell", { name: "Alice Administratrice" })).toBeVisible();
  await first.close();
  await second.close();
});

test("an editor compares two versions and restores the first one", async ({ page }) => {
  await signIn(page, "EDITOR");
  await openFromAdminList(page, "initiatives", "Défenseur des droits");
  const original = await page.getByRole("textbox", { name: "Résumé (obligatoire)" }).inputValue();
  await page.getByRole("textbox", { name: "Résumé (obligatoire)" }).fill("Un résumé provisoire qui sera annulé.");
  await page.getByLabel("Commentaire de version (facultatif)").fill("Essai");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Modifications enregistrées" })).toBeVisible();

  await page.getByRole("link", { name: "Historique des versions" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Comparer" }).click();
  const diff = page.getByRole("table").filter({ has: page.getByRole("rowheader", { name: "Résumé" }) });
  await expect(diff).toContainText("Un résumé provisoire qui sera annulé.");
  await expect(diff).toContainText(original);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Restaurer la version 1" }).click();
  await expect(page.getByRole("cell", { name: "Restauration de la version 1" })).toBeVisible();
  await page
    .getByRole("link", { name: /Défenseur des droits/ })
    .first()
    .click();
  await expect(page.getByRole("textbox", { name: "Résumé (obligatoire)" })).toHaveValue(original);
});

test("trash hides an entry from the public and an editor restores it", async ({ page }) => {
  await signIn(page, "EDITOR");
  await page.goto("/admin/acteurs");
  await page.getByRole("link", { name: "Défenseur des droits" }).click();
  // Linked to a published initiative: refused with the list of links.
  await page.getByRole("button", { name: "Mettre à la corbeille" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("encore lié à des contenus publiés");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Initiative publiée");

  const title = "Le plan territorial de lutte contre les discriminations de l'Agglomération Creil Sud Oise";
  await openFromAdminList(page, "initiatives", title);
  await page.getByRole("button", { name: "Mettre à la corbeille" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cet élément est dans la corbeille" })).toBeVisible();
  await page.goto("/initiatives");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  await page.goto("/admin/corbeille");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Restaurer « ${title} »` }).click();
  await expect(page.getByRole("button", { name: `Restaurer « ${title} »` })).toHaveCount(0);
  await page.goto("/initiatives");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});
