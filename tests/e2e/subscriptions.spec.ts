import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSidewaysScroll } from "./axe";
import { mailsTo } from "./mailbox";

test.describe.configure({ timeout: 120_000 });

/** Moves the focus with Tab until `name` has it (a keyboard user's path), then returns. */
async function tabTo(page: Page, name: string | RegExp) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el
        ? (el.getAttribute("aria-label") ?? el.innerText ?? "").trim() || (el as HTMLInputElement).labels?.[0]?.innerText || ""
        : "";
    });
    if (typeof name === "string" ? focused === name : name.test(focused)) return;
  }
  throw new Error(`« ${String(name)} » never got the focus`);
}

test("a visitor follows a filtered list on a phone, by keyboard, and confirms from the mail", async ({ page }) => {
  const email = `suivi.${Date.now()}@exemple.fr`;
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/initiatives?territoire=59512");
  await tabTo(page, "Suivre cette sélection par e-mail");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/suivre\?liste=initiatives&territoire=59512$/);
  await expect(page.getByRole("heading", { level: 1, name: "Suivre cette sélection" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  await tabTo(page, /Votre adresse e-mail/);
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(`si l'adresse ${email} peut recevoir nos messages`);
  await expectNoAxeViolations(page);

  await expect.poll(async () => (await mailsTo(email)).length, { timeout: 30_000 }).toBe(1);
  const [mail] = await mailsTo(email);
  expect(mail!.subject).toBe("Confirmez votre abonnement à une sélection de Repères");
  const links = mail!.text!.match(/https?:\/\/\S+/g) ?? [];
  const confirm = links.find((link) => link.includes("/suivre/confirmer?jeton="))!;
  const unsubscribe = links.find((link) => link.includes("/suivre/desabonner?jeton="))!;
  expect(mail!.headerLines.map((line) => line.key)).toEqual(expect.arrayContaining(["list-unsubscribe", "list-unsubscribe-post"]));

  // Opening the link confirms nothing (mail scanners open links): the button does.
  await page.goto(confirm);
  await expect(page.getByRole("heading", { level: 1, name: "Confirmer l'abonnement" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await tabTo(page, "Confirmer l'abonnement");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Abonnement confirmé" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Single use.
  await page.goto(confirm);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Ce lien de confirmation n'est plus valable");

  await page.goto(unsubscribe);
  await expect(page.getByRole("heading", { level: 1, name: "Se désabonner" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await tabTo(page, "Me désabonner");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes désabonné·e" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A mail client's one-click POST to the same address reaches the handler, not the page.
  const oneClick = await page.request.post(unsubscribe, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(oneClick.status()).toBe(404);
  expect(oneClick.headers()["content-type"]).toContain("text/plain");
  expect(await oneClick.text()).toContain("Ce lien de désabonnement n'est plus valable");
});
