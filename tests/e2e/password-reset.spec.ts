import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { E2E_FORGETFUL } from "../support/e2e-fixtures";
import { expectNoAxeViolations } from "./axe";
import { linkIn, mailsTo } from "./mailbox";

test.describe.configure({ timeout: 90_000 });

test("« Mot de passe oublié ? »: the same answer for any address, a mailed one-time link, a new password that signs in", async ({
  page,
}) => {
  const { email } = E2E_FORGETFUL;
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mot de passe oublié");
  await expectNoAxeViolations(page);

  const answer = page.getByRole("main").getByRole("status");
  const ask = async (address: string) => {
    await page.getByLabel("Adresse e-mail").fill(address);
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await expect(answer).toContainText(`correspond à ${address}`);
    return (await answer.textContent())!.replace(address, "…");
  };
  const forUnknown = await ask("personne@irev.test");
  expect(await ask(email)).toBe(forUnknown);
  await expectNoAxeViolations(page);

  await expect.poll(async () => (await mailsTo(email)).length, { timeout: 20_000 }).toBe(1);
  const [mail] = await mailsTo(email);
  expect(mail!.subject).toBe("Réinitialisation de votre mot de passe Repères");
  const link = linkIn(mail!);
  expect(link).toMatch(new RegExp(`^${baseURL}/connexion/mot-de-passe\\?jeton=[\\w-]{40,}$`));
  expect(mail!.html).toContain(`href="${link}"`);
  expect(await mailsTo("personne@irev.test")).toEqual([]);

  await page.goto(link);
  const chosen = "un nouveau mot de passe au bord du canal";
  await page.getByLabel("Mot de passe", { exact: true }).fill(chosen);
  await page.getByLabel("Confirmez le mot de passe").fill(chosen);
  await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Mot de passe enregistré");

  // Single use: the same link no longer opens the form.
  await page.goto(link);
  await expect(page.getByRole("main")).toContainText("Ce lien n'est plus valable");
  await expectNoAxeViolations(page);

  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(chosen);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/admin$/, { timeout: 15_000 });
});
