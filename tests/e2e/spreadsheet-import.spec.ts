import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoSidewaysScroll } from "./axe";
import { signIn } from "./admin-support";

// A whole journey with axe on each page: longer than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** The sample file of docs/exemples, its identifiers and titles made unique to this run. */
function sampleFile(run: string) {
  const text = readFileSync(path.resolve(import.meta.dirname, "../../docs/exemples/import-initiatives.csv"), "utf8")
    .replace(/^SUIVI-(\d+);([^;]+)/gm, `SUIVI-${run}-$1;$2 ${run}`)
    // A header of this run's own, so that no earlier run's template is offered.
    .replace(/;Site web\r\n/, `;Site web ${run}\r\n`);
  return { name: `suivi-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
}

test("an editor uploads a spreadsheet, maps its columns, sees the dry run, imports, and finds the drafts", async ({ page }) => {
  const run = String(Date.now());
  await signIn(page, "EDITOR");
  await page.getByRole("navigation", { name: "Espace équipe" }).getByRole("link", { name: "Importer un tableur" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer des initiatives");
  await expectNoAxeViolations(page);

  await page.getByLabel("Fichier (.csv ou .xlsx)").setInputFiles(sampleFile(run));
  await page.getByRole("button", { name: "Lire le fichier" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Import de « suivi-${run}.csv »`);
  // Columns named like a field are mapped already; « Porteur » is chosen by hand, from the keyboard.
  await expect(page.getByLabel("Titre", { exact: true })).toHaveValue("title");
  await expect(page.getByLabel("Identifiant", { exact: true })).toHaveValue("externalId");
  await expect(page.getByLabel(`Site web ${run}`)).toHaveValue("");
  await expectNoAxeViolations(page);
  const carrier = page.getByLabel("Porteur", { exact: true });
  await carrier.focus();
  await carrier.selectOption({ label: "Acteurs : porteurs" });
  const templateName = page.getByLabel("Nom du modèle");
  await templateName.fill(`Suivi IREV ${run}`);
  await templateName.press("Enter");

  const dryRun = page.getByRole("region", { name: "Essai à blanc, ligne par ligne" });
  await expect(dryRun).toBeVisible();
  await expect(page.getByText("3 lignes : 3 à créer.")).toBeVisible();
  await expect(dryRun.getByRole("row", { name: new RegExp(`SUIVI-${run}-002`) })).toContainText(
    "Non reconnu, ignoré : Publics : « Riverains »",
  );
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Importer", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "Rapport de l'import" })).toBeVisible();
  await expect(page.getByText("3 lignes : 3 créées.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: `Testing de l'accès aux stages ${run}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Testing de l'accès aux stages ${run}`);
  await page.goto("/admin/initiatives?statut=DRAFT");
  await expect(page.getByRole("link", { name: `Permanence d'accès au droit au centre social ${run}` })).toBeVisible();

  // The same file again: the template is found by its headers, and every line is already imported.
  await page.goto("/admin/import");
  await page.getByLabel("Fichier (.csv ou .xlsx)").setInputFiles(sampleFile(run));
  await page.getByRole("button", { name: "Lire le fichier" }).click();
  await expect(page.getByLabel("Nom du modèle")).toHaveValue(`Suivi IREV ${run}`);
  await expect(page.getByText("3 lignes : 3 déjà importées.")).toBeVisible();
  await expect(page.getByText("Rien à importer : toutes les lignes sont déjà importées ou non écrasées.")).toBeVisible();
});
