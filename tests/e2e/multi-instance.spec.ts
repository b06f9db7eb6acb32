import http from "node:http";
import { expect, test } from "@playwright/test";
import { RATE_LIMIT } from "@/lib/api/rate-limit";
import { slugify } from "@/lib/editorial/slug";
import { firstBaseURL, secondBaseURL } from "../support/e2e-instances";
import { openFromAdminList, signIn } from "./admin-support";

// Two `next start` processes on one database (tests/support/e2e-server.ts): whatever one of them
// is told, the other knows at its next request. Pages: the first instance unless a URL says B.
const B = secondBaseURL;

test.describe.configure({ timeout: 120_000 });

test("a session opened on one instance is valid on the other, and signing out on it ends it on both", async ({ page }) => {
  await signIn(page, "ADMIN", "/admin", 30_000);
  // The cookie belongs to the host, whatever the port: B receives the session A signed.
  await page.goto(`${B}/admin`);
  await expect(page).toHaveURL(`${B}/admin`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto(`${firstBaseURL}/admin`);
  await expect(page).toHaveURL(/\/connexion/);
});

// Our own client address (any 127.x.x.x reaches the servers): its bucket is this test's alone,
// so the other specs' API calls from 127.0.0.1 keep their whole allowance.
const agent = new http.Agent({ keepAlive: true });
function apiStatus(base: string): Promise<number> {
  const url = new URL("/api/v1/initiatives?page=abc", base);
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port: url.port, path: `${url.pathname}${url.search}`, localAddress: "127.0.0.2", agent },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode!));
      },
    );
    request.on("error", reject);
  });
}

test("an API client's rate limit counts its requests to both instances together", async () => {
  const bases = [firstBaseURL, B];
  const started = Date.now();
  let allowed = 0;
  let status = 0;
  // Alone, each instance would let a full bucket through: twice the capacity in all.
  for (let i = 0; i < 2 * RATE_LIMIT.capacity; i++) {
    status = await apiStatus(bases[i % 2]!);
    if (status !== 400) break;
    allowed += 1;
  }
  expect(status).toBe(429);
  const refilled = Math.ceil(((Date.now() - started) / 1000) * RATE_LIMIT.refillPerSecond);
  expect(allowed).toBeGreaterThanOrEqual(RATE_LIMIT.capacity);
  expect(allowed).toBeLessThanOrEqual(RATE_LIMIT.capacity + refilled);

  const statuses: Record<string, number[]> = { [firstBaseURL]: [], [B]: [] };
  for (let i = 0; i < 6; i++) statuses[bases[i % 2]!]!.push(await apiStatus(bases[i % 2]!));
  expect(statuses[firstBaseURL]).toContain(429);
  expect(statuses[B]).toContain(429);
  agent.destroy();
});

test("a document uploaded through one instance is served by the other", async ({ page }) => {
  await signIn(page, "ADMIN", "/admin", 30_000);
  await openFromAdminList(page, "sources", "Synthèse de la journée");
  const content = Buffer.concat([Buffer.from("%PDF-1.7\n% déposé sur A\n"), Buffer.alloc(1_500_000, 0x41)]);
  await page
    .getByLabel(/Déposer un document|Remplacer le document/)
    .setInputFiles({ name: "synthese.pdf", mimeType: "application/pdf", buffer: content });
  await page.getByRole("button", { name: "Déposer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Document déposé." })).toBeVisible();
  const href = await page.getByRole("link", { name: "synthese.pdf" }).getAttribute("href");
  expect(href).toMatch(/^\/fichiers\/[0-9a-f]{32}\.pdf$/);

  const served = await page.request.get(`${B}${href}`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await served.body()).equals(content)).toBe(true);
});

test("an edit through one instance shows on the other's next request, page and search", async ({ page }) => {
  const stamp = Date.now();
  await signIn(page, "ADMIN", "/admin", 30_000);
  await page.goto("/admin/initiatives/nouveau");
  await page.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(`Initiative vue des deux côtés ${stamp}`);
  await page.getByRole("textbox", { name: "Résumé (obligatoire)" }).fill("Publiée sur une instance, lue sur l'autre.");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page).toHaveURL(/\/admin\/initiatives\/\d+\?cree=1$/);
  const editUrl = page.url().split("?")[0]!;
  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByText("Publié", { exact: true })).toBeVisible();

  // B reads the page and a search before the edit, so that anything it keeps is of the old state.
  const publicUrl = `${B}/initiatives/${slugify(`Initiative vue des deux côtés ${stamp}`)}`;
  await page.goto(publicUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Initiative vue des deux côtés ${stamp}`);
  await page.goto(`${B}/initiatives?q=ornithorynque`);
  await expect(page.getByRole("main").getByRole("link", { name: /Initiative vue des deux côtés/ })).toHaveCount(0);

  await page.goto(editUrl);
  await page.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(`Initiative de l'ornithorynque ${stamp}`);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Modifications enregistrées" })).toBeVisible();

  await page.goto(publicUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Initiative de l'ornithorynque ${stamp}`);
  await page.goto(`${B}/initiatives?q=ornithorynque`);
  await expect(page.getByRole("main").getByRole("link", { name: `Initiative de l'ornithorynque ${stamp}` })).toBeVisible();

  // Off the public pages again, as the other specs expect the demo list.
  await page.goto(editUrl);
  await page.getByRole("button", { name: "Archiver" }).click();
  await expect(page.getByText("Archivé", { exact: true })).toBeVisible();
});
