import { parse } from "csv-parse/sync";
import { expect, type Download, type Page, test } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { expectNoAxeViolations } from "./axe";

// Axe on a loaded 2-core machine takes most of the default 30 s.
test.describe.configure({ timeout: 120_000 });

const ACSO = {
  path: "/initiatives/plan-territorial-lutte-discriminations-acso",
  title: "Le plan territorial de lutte contre les discriminations de l'Agglomération Creil Sud Oise",
};
const DEFENSEUR = { path: "/initiatives/action-locale-du-defenseur-des-droits", title: "L'action locale du Défenseur des droits" };
const LESSON = {
  path: "/enseignements/complementarite-juridique-psychosocial",
  title: "Approches juridiques et psycho-sociales se complètent",
};
const NOTE = "À citer dans l'annexe du contrat de ville";

async function bytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const entryTitles = (page: Page) =>
  page
    .getByRole("list")
    .filter({ has: page.getByRole("heading", { level: 2 }) })
    .getByRole("heading", { level: 2 });

test("a dossier of three entries: collected while browsing, reordered, annotated, exported as PDF and CSV, shared", async ({
  page,
  browser,
}) => {
  for (const [index, entry] of [ACSO, DEFENSEUR, LESSON].entries()) {
    await page.goto(entry.path);
    const toggle = page.getByRole("button", { name: `Dans mon dossier : ${entry.title}`, exact: true });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("link", { name: `Mon dossier (${index + 1})` })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Mon dossier (3)" }).click();
  await expect(page).toHaveURL(
    /\/dossier\?e=i:plan-territorial-lutte-discriminations-acso,i:action-locale-du-defenseur-des-droits,l:complementarite-juridique-psychosocial$/,
  );
  await expect(entryTitles(page)).toHaveText([ACSO.title, DEFENSEUR.title, LESSON.title]);

  // Reordered with the keyboard: the lesson goes up to the top, focus stays on its buttons.
  const up = page.getByRole("button", { name: `Monter : ${LESSON.title}` });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(up).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(entryTitles(page)).toHaveText([LESSON.title, ACSO.title, DEFENSEUR.title]);
  await expect(up).toBeDisabled();
  await expect(page.getByRole("button", { name: `Descendre : ${LESSON.title}` })).toBeFocused();
  await expect(page).toHaveURL(
    /\?e=l:complementarite-juridique-psychosocial,i:plan-territorial-lutte-discriminations-acso,i:action-locale-du-defenseur-des-droits$/,
  );

  await page.getByLabel(`Note sur « ${DEFENSEUR.title} »`).fill(NOTE);
  await expectNoAxeViolations(page);

  // The order and the note are kept in the browser.
  await page.reload();
  await expect(entryTitles(page)).toHaveText([LESSON.title, ACSO.title, DEFENSEUR.title]);
  await expect(page.getByLabel(`Note sur « ${DEFENSEUR.title} »`)).toHaveValue(NOTE);

  const [pdfDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger le PDF" }).click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^dossier-reperes-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = pdfText(await bytes(pdfDownload));
  expect(text).toContain("Dossier Repères");
  expect(text).toContain("3 fiches");
  const contents = [
    "1. Approches juridiques et psycho-sociales se complètent (enseignement)",
    "2. Le plan territorial",
    "3. L'action locale du Défenseur des droits (initiative)",
  ].map((line) => text.indexOf(line));
  expect(contents.every((at) => at > text.indexOf("Sommaire"))).toBe(true);
  expect([...contents].sort((a, b) => a - b)).toEqual(contents);
  // The lesson's source, on its sheet and in the closing list of sources.
  expect(text.indexOf("Synthèse de la journée")).toBeGreaterThan(text.indexOf("Sommaire"));
  expect(text.lastIndexOf("Synthèse de la journée")).toBeGreaterThan(text.lastIndexOf("Sources"));
  expect(text.indexOf(NOTE)).toBeGreaterThan(text.indexOf("Présentée lors de la journée de qualification"));

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger le tableur CSV" }).click(),
  ]);
  const rows = parse(await bytes(csvDownload), { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
  expect(rows.map((row) => [row.Identifiant, row.Note])).toEqual([
    ["complementarite-juridique-psychosocial", ""],
    ["plan-territorial-lutte-discriminations-acso", ""],
    ["action-locale-du-defenseur-des-droits", NOTE],
  ]);

  // Opened elsewhere from the shared link: the same entries, without the note, to save.
  const link = await page.getByLabel("Lien de partage").inputValue();
  const elsewhere = await browser.newPage();
  await elsewhere.goto(link);
  await expect(entryTitles(elsewhere)).toHaveText([LESSON.title, ACSO.title, DEFENSEUR.title]);
  await expect(elsewhere.getByLabel(`Note sur « ${DEFENSEUR.title} »`)).toHaveCount(0);
  await elsewhere.getByRole("button", { name: "Enregistrer dans mon dossier" }).click();
  await expect(elsewhere.getByRole("link", { name: "Mon dossier (3)" })).toBeVisible();
  await expect(elsewhere.getByRole("button", { name: `Monter : ${ACSO.title}` })).toBeVisible();
  await elsewhere.close();

  // Removed: focus goes to the next entry's title.
  await page.getByRole("button", { name: `Retirer de mon dossier : ${LESSON.title}` }).click();
  await expect(entryTitles(page)).toHaveText([ACSO.title, DEFENSEUR.title]);
  await expect(page.getByRole("heading", { level: 2, name: ACSO.title })).toBeFocused();
  await expect(page.getByRole("link", { name: "Mon dossier (2)" })).toBeVisible();
});

test("a shared link naming an unpublished or unknown entry lists it as unavailable", async ({ page }) => {
  await page.goto("/dossier?e=i:n-existe-pas,l:complementarite-juridique-psychosocial");
  await expect(entryTitles(page)).toHaveText(["Fiche indisponible", LESSON.title]);
  await page.goto("/dossier?e=i:Pas%20bon");
  await expect(page.getByRole("alert").filter({ hasText: "Ce lien de dossier est illisible" })).toContainText(
    "Une fiche du dossier est mal écrite",
  );
});

test("/dossier reflows at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(LESSON.path);
  await page.getByRole("button", { name: `Dans mon dossier : ${LESSON.title}` }).click();
  await page.goto(ACSO.path);
  await page.getByRole("button", { name: `Dans mon dossier : ${ACSO.title}` }).click();
  await page.goto("/dossier");
  await expect(entryTitles(page)).toHaveText([LESSON.title, ACSO.title]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});

test("« Dans mon dossier » on the result cards of /initiatives and /recherche: two from the lists, one from a page, three in the dossier", async ({
  page,
}) => {
  await page.goto("/initiatives");
  const firstCard = page.getByRole("main").getByRole("article").first();
  const firstTitle = (await firstCard.getByRole("heading").textContent())!.trim();
  expect(firstTitle).not.toBe(DEFENSEUR.title);
  // One name whatever the state: aria-pressed alone says whether the entry is in the dossier.
  const fromList = firstCard.getByRole("button", { name: `Dans mon dossier : ${firstTitle}`, exact: true });
  await expect(fromList).toHaveAttribute("aria-pressed", "false");
  await fromList.focus();
  await page.keyboard.press("Space");
  await expect(fromList).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("link", { name: "Mon dossier (1)" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/recherche?q=${encodeURIComponent("Défenseur des droits")}`);
  const fromSearch = page.getByRole("button", { name: `Dans mon dossier : ${DEFENSEUR.title}`, exact: true });
  await expect(fromSearch).toHaveAttribute("aria-pressed", "false");
  await fromSearch.click();
  await expect(fromSearch).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("link", { name: "Mon dossier (2)" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(LESSON.path);
  await page.getByRole("button", { name: `Dans mon dossier : ${LESSON.title}`, exact: true }).click();
  await page.getByRole("link", { name: "Mon dossier (3)" }).click();
  await expect(entryTitles(page)).toHaveText([firstTitle, DEFENSEUR.title, LESSON.title]);

  // Back on the list, the card shows the entry as in the dossier; pressing it again takes it out.
  await page.goto("/initiatives");
  await expect(fromList).toHaveAttribute("aria-pressed", "true");
  await fromList.click();
  await expect(fromList).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("link", { name: "Mon dossier (2)" })).toBeVisible();
});

test("a full dossier says so when one more entry is added, and the results hold no empty live region", async ({ page }) => {
  await page.goto("/initiatives");
  // Only the count of results speaks when the list changes: no toggle adds a live region of its own.
  await expect(page.getByRole("status")).toHaveCount(1);
  const full = Array.from({ length: 50 }, (_, index) => ({ kind: "initiative", slug: `fiche-${index}`, note: "" }));
  await page.evaluate((entries) => window.localStorage.setItem("reperes-dossier", JSON.stringify(entries)), full);
  await page.reload();
  const card = page.getByRole("main").getByRole("article").first();
  const toggle = card.getByRole("button", { name: /^Dans mon dossier : / });
  await toggle.click();
  await expect(card.getByRole("alert")).toHaveText(/Votre dossier est plein \(50 fiches\) : retirez-en une d'abord\./);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expectNoAxeViolations(page);
});
