import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSidewaysScroll } from "./axe";
import { openFromAdminList, signIn } from "./admin-support";
import { mailsTo } from "./mailbox";

// Up to a minute and a half waiting for the digest's cron minute, plus a sign-in and two saves.
test.describe.configure({ timeout: 300_000 });

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

  // An editor updates an initiative of the selection; the next digest lists it (the browser
  // tests' servers send digests every minute: REPERES_DIGEST_CRON in tests/support/e2e-server.ts).
  const title = "Les Ambassadeurs de l'égalité à Roubaix";
  const means = async (value: (before: string) => string) => {
    await signIn(page, "EDITOR", "/admin");
    await openFromAdminList(page, "initiatives", title);
    const field = page.getByRole("textbox", { name: "Moyens" });
    await field.fill(value(await field.inputValue()));
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Modifications enregistrées\. Version \d+/ })).toBeVisible();
    await page.context().clearCookies();
  };
  let original = "";
  await means((before) => ((original = before), `${before}\n\nUne permanence mensuelle avec le délégué du Défenseur des droits.`));
  await expect.poll(async () => (await mailsTo(email)).length, { timeout: 150_000, intervals: [2000] }).toBe(2);
  const digest = (await mailsTo(email)).find((m) => m.subject !== mail!.subject)!;
  expect(digest.subject).toBe("Repères : 1 nouveauté dans la sélection que vous suivez");
  expect(digest.text).toContain(`${title} (mise à jour)`);
  const header = (key: string) => digest.headerLines.find((line) => line.key === key)?.line ?? "";
  expect(header("list-unsubscribe-post")).toMatch(/: List-Unsubscribe=One-Click$/);
  expect(header("list-unsubscribe")).toMatch(/<https?:\/\/[^>]+\/suivre\/desabonner\?jeton=[^>]+>/);
  await means(() => original);

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
