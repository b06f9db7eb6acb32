import { expect, type Download, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn } from "./admin-support";
import { proposeInitiative } from "./visitor-support";

test.describe.configure({ timeout: 120_000 });

async function json(download: Download): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

test("an admin finds what Repères holds about an address, downloads it as JSON, then erases it", async ({ page }) => {
  const stamp = Date.now();
  const email = `ines.${stamp}@exemple.fr`;
  const title = `Jardin partagé de l'Hommelet ${stamp}`;
  await proposeInitiative(page, { title, name: "Inès Garnier", email });

  await signIn(page, "ADMIN", "/admin/donnees-personnelles");
  await page.getByRole("textbox", { name: "Adresse e-mail de la personne" }).fill("pas une adresse");
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("n'est pas valide");
  await page.getByRole("textbox", { name: "Adresse e-mail de la personne" }).fill(email.toUpperCase());
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Ce que Repères garde sur ${email}` })).toBeVisible();
  const proposals = page.getByRole("region", { name: /Propositions et corrections envoyées \(1\)/ });
  await expect(proposals.getByRole("link", { name: /Proposition n° \d+/ })).toBeVisible();
  await expect(proposals).toContainText("Inès Garnier");
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger l'export (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("donnees-personnelles.json");
  const exported = (await json(download)) as {
    adresse: string;
    sections: { key: string; elements: { data: Record<string, unknown> }[] }[];
  };
  expect(exported.adresse).toBe(email);
  expect(exported.sections.find((s) => s.key === "proposals")!.elements[0]!.data).toMatchObject({ Nom: "Inès Garnier", Titre: title });

  // Without the typed confirmation, nothing happens.
  await page.getByRole("textbox", { name: "Tapez EFFACER pour confirmer" }).fill("oui");
  await page.getByRole("button", { name: "Effacer ses données" }).click();
  await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "Tapez EFFACER pour confirmer l'effacement." })).toBeVisible();
  await page.getByRole("textbox", { name: "Tapez EFFACER pour confirmer" }).fill("EFFACER");
  await page.getByRole("button", { name: "Effacer ses données" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Effacement fait" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Rien : aucune donnée liée à cette adresse." })).toBeVisible();

  await page.goto("/admin/journal");
  await expect(page.getByRole("cell", { name: "Données personnelles d'une personne effacées" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Données personnelles d'une personne exportées" }).first()).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(email);
});

test("a staff member turns a notification mail off on « Mon compte », and the choice stays", async ({ page }) => {
  await signIn(page, "CONTRIBUTOR", "/admin/compte");
  const group = page.getByRole("group", { name: "M'écrire quand…" });
  // A contributor is offered only the mails about their own entries.
  await expect(group.getByRole("checkbox")).toHaveCount(2);
  const published = group.getByRole("checkbox", { name: "Un contenu que j'ai rédigé est publié" });
  await expect(published).toBeChecked();
  await published.uncheck();
  await page.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vos choix de messages sont enregistrés." })).toBeVisible();
  await expect(published).not.toBeChecked();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(
    page.getByRole("group", { name: "M'écrire quand…" }).getByRole("checkbox", { name: "Un contenu que j'ai rédigé est publié" }),
  ).not.toBeChecked();
  // Back as it was, for the other specs.
  await page.getByRole("checkbox", { name: "Un contenu que j'ai rédigé est publié" }).check();
  await page.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vos choix de messages sont enregistrés." })).toBeVisible();
});
