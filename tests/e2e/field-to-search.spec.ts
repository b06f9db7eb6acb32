import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn } from "./admin-support";
import { mailsTo } from "./mailbox";
import { fillProposer, proposeInitiative } from "./visitor-support";

// Issue 12's quality bar, end to end in the browser: from a visitor's proposal to the public
// search, then a visitor's correction of the published entry through to its edit. A long
// journey with two sign-ins and several mails: longer than the default 30 s on a busy machine.
test.describe.configure({ timeout: 180_000 });

const subjectsTo = async (email: string) => (await mailsTo(email)).map((mail) => mail.subject).sort();

test("a proposal from the field is moderated, edited, reviewed, published and found; a correction of it is made", async ({ page }) => {
  const stamp = Date.now();
  const title = `Maraude numérique des Trois-Ponts ${stamp}`;
  const proposer = `sacha.${stamp}@exemple.fr`;
  const corrector = `nour.${stamp}@exemple.fr`;

  // 1. A visitor without an account proposes an initiative.
  await proposeInitiative(page, { title, name: "Sacha Morel", email: proposer });

  // 2. The acknowledgement arrives through the test SMTP server.
  await expect.poll(() => subjectsTo(proposer), { timeout: 30_000 }).toEqual([`Bien reçu : proposition « ${title} »`]);

  // 3. An editor accepts it: a draft prefilled from the proposal.
  await signIn(page, "EDITOR", "/admin/propositions");
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await page.getByRole("button", { name: "Accepter et créer le brouillon" }).click();
  await expect(page).toHaveURL(/\/admin\/initiatives\/\d+\?cree=1$/);
  const editUrl = page.url().split("?")[0]!;

  // 4. The editor edits the draft, then sends it to review.
  const summary = "Une maraude numérique au pied des immeubles : médiateurs, tablette et démarches en ligne accompagnées.";
  await page.getByRole("textbox", { name: "Résumé (obligatoire)" }).fill(summary);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Modifications enregistrées\. Version \d+/ })).toBeVisible();
  await page.getByRole("button", { name: "Soumettre en relecture" }).click();
  await expect(page.getByText("En relecture", { exact: true })).toBeVisible();
  await expect.poll(() => subjectsTo(proposer), { timeout: 30_000 }).toContain(`Acceptée : proposition « ${title} »`);

  // 5. An admin reviews and publishes it.
  await page.context().clearCookies();
  await signIn(page, "ADMIN", "/admin/relecture");
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(editUrl);
  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByText("Publié", { exact: true })).toBeVisible();

  // 6. The public search finds it.
  await page.context().clearCookies();
  await page.goto(`/recherche?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("main").getByRole("link", { name: title })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("main").getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // 7. A visitor reports a correction on the published page.
  await page.getByRole("link", { name: "Signaler une correction ou un complément" }).click();
  await page
    .getByRole("textbox", { name: "Votre message (obligatoire)" })
    .fill("La maraude passe aussi le samedi matin au marché de l'Épeule.");
  await fillProposer(page, "Nour Benali", corrector);
  await page.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(page).toHaveURL(/\/proposer\/merci\?fiche=/);
  await expect.poll(() => subjectsTo(corrector), { timeout: 30_000 }).toEqual([`Bien reçu : correction de la fiche « ${title} »`]);

  // 8. A moderator accepts it, which opens the entry's edit page, and makes the change there.
  await signIn(page, "EDITOR", "/admin/propositions");
  await page.getByRole("link", { name: `à propos de l'initiative « ${title} »` }).click();
  await expect(page.getByRole("main")).toContainText("marché de l'Épeule");
  await page.getByRole("button", { name: "Accepter et ouvrir la fiche" }).click();
  await expect(page).toHaveURL(editUrl);
  const corrected = `${summary} Aussi le samedi matin au marché de l'Épeule.`;
  await page.getByRole("textbox", { name: "Résumé (obligatoire)" }).fill(corrected);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Modifications enregistrées\. Version \d+/ })).toBeVisible();
  await expect.poll(() => subjectsTo(corrector), { timeout: 30_000 }).toContain(`Acceptée : correction de la fiche « ${title} »`);

  // Published already: the change is public at once.
  await page.context().clearCookies();
  await page.goto(`/recherche?q=${encodeURIComponent(title)}`);
  await page.getByRole("main").getByRole("link", { name: title }).click();
  await expect(page.getByRole("main")).toContainText("Aussi le samedi matin au marché de l'Épeule.");

  // Archived again, so that the other specs find the demo lists as they expect.
  await signIn(page, "EDITOR", "/admin");
  await page.goto(editUrl);
  await page.getByRole("button", { name: "Archiver" }).click();
  await expect(page.getByText("Archivé", { exact: true })).toBeVisible();
});
