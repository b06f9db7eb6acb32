import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

const ACSO = "200068047";

test("/api explains the API, the exports and the licence, accessibly", async ({ page }) => {
  await page.goto("/api");
  await expect(page.getByRole("heading", { level: 1, name: "API et données ouvertes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Licence Ouverte / Open Licence version 2.0" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "GET /api/v1/initiatives", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Colonnes du CSV et champ JSON correspondant" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("« Exporter » on a filtered selection downloads that selection as CSV", async ({ page }) => {
  // Inside ACSO, only its own plan trains professionals (the e2e fixtures add Creil testings).
  await page.goto(`/initiatives?territoire=${ACSO}&approche=formation-professionnels`);
  const exporter = page.getByRole("region", { name: "Exporter" });
  await expect(exporter).toBeVisible();
  await expectNoAxeViolations(page);
  const csvLink = exporter.getByRole("link", { name: /Tableur CSV/ });
  await expect(csvLink).toHaveAttribute("href", `/initiatives/export.csv?territoire=${ACSO}&approche=formation-professionnels`);
  const [download] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^reperes-initiatives-\d{4}-\d{2}-\d{2}\.csv$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const rows = parse(Buffer.concat(chunks), { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.Identifiant)).toEqual(["plan-territorial-lutte-discriminations-acso"]);
});

test("an initiative page offers its PDF fiche and carries JSON-LD and Open Graph", async ({ page, request }) => {
  await page.goto("/initiatives/ambassadeurs-de-l-egalite-roubaix");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "Project", name: "Les Ambassadeurs de l'égalité à Roubaix" });
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Les Ambassadeurs de l'égalité à Roubaix");
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", /\/initiatives\/ambassadeurs-de-l-egalite-roubaix$/);
  const pdfHref = await page.getByRole("link", { name: "Télécharger la fiche en PDF" }).getAttribute("href");
  const pdf = await request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("link", { name: "Télécharger la fiche en PDF" })).toBeHidden();
});

test("the API, feeds, sitemap and robots are served by the built app", async ({ request }) => {
  const api = await request.get(`/api/v1/initiatives?territoire=${ACSO}`);
  expect(api.status()).toBe(200);
  expect(api.headers()["access-control-allow-origin"]).toBe("*");
  const etag = api.headers()["etag"]!;
  expect((await request.get(`/api/v1/initiatives?territoire=${ACSO}`, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  const bad = await request.get("/api/v1/initiatives?page=abc");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toMatch(/^application\/problem\+json/);
  expect((await bad.json()).parameter).toBe("page");
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
  const feed = await request.get("/flux.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/initiatives/ambassadeurs-de-l-egalite-roubaix</loc>");
  expect(await (await request.get("/robots.txt")).text()).toMatch(/Sitemap: .*\/sitemap\.xml/);
});
