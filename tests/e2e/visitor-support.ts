import { expect, type Page } from "@playwright/test";

/** The proposer's part of the visitors' forms: name, address, and the consent to be contacted. */
export async function fillProposer(page: Page, name: string, email: string) {
  await page.getByRole("textbox", { name: "Votre nom (obligatoire)" }).fill(name);
  await page.getByRole("textbox", { name: /Votre adresse e-mail/ }).fill(email);
  await page.getByRole("checkbox", { name: /que l'IREV me contacte/ }).check();
}

/** Sends a valid proposal from /proposer, in Roubaix, without an account. */
export async function proposeInitiative(page: Page, proposal: { title: string; name: string; email: string; publicContact?: boolean }) {
  await page.goto("/proposer");
  await page.getByRole("textbox", { name: "Nom de l'initiative (obligatoire)" }).fill(proposal.title);
  await page
    .getByRole("textbox", { name: "Description (obligatoire)" })
    .fill("Des médiateurs vont au-devant des habitants avec une tablette pour les démarches en ligne, au pied des immeubles.");
  await page.getByLabel("Chercher un territoire").fill("Roubaix");
  await page.getByRole("button", { name: "Chercher", exact: true }).click();
  await page.getByRole("button", { name: /^Ajouter Roubaix \(commune/ }).click();
  await page.getByRole("group", { name: "Approches" }).getByRole("checkbox").first().check();
  await fillProposer(page, proposal.name, proposal.email);
  if (proposal.publicContact) await page.getByRole("checkbox", { name: /contact public/ }).check();
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(page).toHaveURL(/\/proposer\/merci$/);
}
