/**
 * Bad input never gives a 500: every page and route of the app, found on the file system, is
 * asked with hostile values in each dynamic path segment and in every query parameter it reads,
 * and must answer below 500 with our security headers. Admin routes are walked signed in.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { securityHeaders } from "@/lib/http/security-headers";
import { baseURL } from "../../playwright.config";
import { signIn } from "./admin-support";
import { expectNoAxeViolations } from "./axe";

const root = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string, match: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, match) : match(full) ? [full] : [];
  });
}

/** "/initiatives/[slug]/fiche.pdf" for app/initiatives/[slug]/fiche.pdf/route.ts; groups "(x)" vanish. */
const routes = filesUnder(path.join(root, "app"), (file) => /\/(page\.tsx|route\.ts)$/.test(file))
  .map(
    (file) =>
      `/${path
        .relative(path.join(root, "app"), path.dirname(file))
        .split(path.sep)
        .filter((part) => part && !/^\(.*\)$/.test(part))
        .join("/")}`,
  )
  .sort();

const INITIATIVE = "plan-territorial-lutte-discriminations-acso";
/** A value that exists, for each dynamic segment (keyed by the route up to it): query parameters are then tried on a real page. */
const VALID_SEGMENTS: Record<string, string> = {
  "/acteurs/[slug]": "irev",
  "/admin/[entity]": "initiatives",
  "/admin/[entity]/[id]": "1",
  "/admin/import/[id]": "1",
  "/admin/propositions/[id]": "1",
  "/admin/utilisateurs/[id]": "1",
  "/api/admin/sources/[id]": "1",
  "/api/auth/[...nextauth]": "session",
  "/api/v1/initiatives/[slug]": INITIATIVE,
  "/approches/[slug]": "mediation",
  "/enseignements/[slug]": "former-les-professionnels",
  "/fichiers/[key]": "inconnu",
  "/initiatives/[slug]": INITIATIVE,
  "/territoires/[code]": "59512",
  "/themes/[slug]": "discriminations-egalite",
};

/**
 * Every query parameter read by a page or a route outside the public API (whose parameters come
 * from its OpenAPI document, itself made from the zod schemas). The first test fails when the
 * code reads one that is missing here.
 */
const PARAMETERS = [
  "q",
  "lieu",
  "territoire",
  "portee",
  "interpreter",
  "approche",
  "theme",
  "critere",
  "domaine",
  "public",
  "acteur",
  "statut",
  "annee",
  "tri",
  "page",
  "type",
  "source",
  "niveau",
  "zoom",
  "par_page",
  "de",
  "a",
  "cree",
  "enregistre",
  "fichier",
  "jeton",
  "callbackUrl",
  "session",
  "utilisateur",
  "action",
  "du",
  "au",
  "auteur",
  "mois",
  "titre",
  "fiche",
  "file",
  "e",
  "liste",
  "confirme",
  "etat",
  "adresse",
  "efface",
];

/** Already percent-encoded, as they travel in a URL. */
const CORPUS = [
  "%00",
  "a%00b",
  "%01",
  "%09",
  "%0a",
  "%0d",
  "%1f",
  "%7f",
  "%ff",
  "%",
  "%zz",
  "%c0%af",
  "2147483648",
  "99999999999999999999",
  "-1",
  "0",
  "1e999",
  "NaN",
  "2026-13-45",
  "..%2F..%2Fetc%2Fpasswd",
  encodeURIComponent("<script>alert(1)</script>"),
  encodeURIComponent("' OR 1=1--"),
  encodeURIComponent("\u202Eevil\u202C"),
  encodeURIComponent("😀"),
];
const LONG = "x".repeat(5_000);

/** Reads of a query parameter in app/ and lib/: `search.x`, `searchParams.get("x")`, `first("x")`, query schema keys. */
function parametersReadInCode(): Map<string, string> {
  const found = new Map<string, string>();
  const sources = [
    ...filesUnder(path.join(root, "app"), (f) => /\.tsx?$/.test(f)),
    ...filesUnder(path.join(root, "lib"), (f) => /\.tsx?$/.test(f) && !f.includes("/generated/")),
  ];
  for (const file of sources) {
    const source = readFileSync(file, "utf8");
    const where = path.relative(root, file);
    const patterns = [
      /\b(?:search|raw|params|searchParams\))\.([a-z][a-zA-Z_]*)\b(?!\()/g,
      /searchParams\.(?:get|getAll|has)\("([^"]+)"\)/g,
      /\bfirst\((?:input,\s*)?"([^"]+)"\)/g,
      /\bvaluesOf\(input, "([^"]+)"\)/g,
    ];
    for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.set(match[1]!, where);
    for (const schema of source.matchAll(/(?:Query|Params|query|params)(?:Schema)?\s*=\s*z\s*\.object\(\{([\s\S]*?)\n\}\)/g)) {
      for (const key of schema[1]!.matchAll(/^\s{2}([a-z_]+):/gm)) found.set(key[1]!, where);
    }
  }
  return found;
}

const expectedHeaders = Object.keys(securityHeaders({ nonce: "x", production: true, privatePage: false }));

let requests = 0;
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
}
/**
 * A GET without redirects, from its own loopback address: the API's rate limit (per address)
 * would otherwise answer 429 long before the corpus is through, and test nothing.
 */
function get(url: string, cookie: string): Promise<Answer> {
  const n = requests++;
  const { port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: "127.0.0.1",
        port,
        path: url,
        localAddress: `127.1.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`,
        headers: { host: `localhost:${port}`, cookie },
        timeout: 30_000,
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`timeout: ${url}`)));
    request.on("error", (error) => reject(new Error(`${url}: ${error.message}`)));
  });
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

function segmentsOf(route: string) {
  return route.split("/").slice(1);
}

/** The route with every dynamic segment valid, or with one of them replaced by `value`. */
function pathWith(route: string, replace?: { index: number; value: string }): string {
  const parts = segmentsOf(route).map((part, index, all) => {
    if (replace?.index === index) return replace.value;
    if (!part.startsWith("[")) return part;
    const key = `/${all.slice(0, index + 1).join("/")}`;
    const valid = VALID_SEGMENTS[key];
    if (!valid) throw new Error(`No valid value for ${key}: add one to VALID_SEGMENTS.`);
    return valid;
  });
  return `/${parts.join("/")}`.replace(/\/$/, "") || "/";
}

function urlsFor(route: string, apiParameters: string[] | undefined): string[] {
  const urls: string[] = [];
  segmentsOf(route).forEach((part, index) => {
    if (part.startsWith("[")) for (const value of [...CORPUS, LONG]) urls.push(pathWith(route, { index, value }));
  });
  const base = pathWith(route);
  const names = apiParameters ?? PARAMETERS;
  // The public API refuses a request at its first bad parameter: one at a time. Pages read each
  // parameter on its own: all at once (the long value in full in the words only, or the URL
  // would pass Node's 16 kB header limit).
  for (const value of CORPUS) {
    if (apiParameters) for (const name of names) urls.push(`${base}?${name}=${value}`);
    else urls.push(`${base}?${names.map((name) => `${name}=${value}`).join("&")}`);
  }
  if (apiParameters) for (const name of names) urls.push(`${base}?${name}=${LONG}`);
  else urls.push(`${base}?${names.map((name) => `${name}=${LONG.slice(0, 300)}`).join("&")}`, `${base}?q=${LONG}&lieu=${LONG}`);
  // Repeated, and PHP-style array and object parameters.
  urls.push(`${base}?${names.map((name) => `${name}=1&${name}=2147483648&${name}=%3Cx%3E`).join("&")}`);
  urls.push(`${base}?${names.map((name) => `${name}[]=1&${name}[a]=b`).join("&")}&a[b]=c&[]=x`);
  return urls;
}

test.describe("hostile input never gives a 500", () => {
  test.describe.configure({ timeout: 420_000 });

  test("the parameter list knows every query parameter the code reads", () => {
    // Not parameters: file names in comments ("params.ts") and methods.
    const ignored = new Set(["ts", "tsx", "length", "size", "then", "toString"]);
    const missing = [...parametersReadInCode()]
      .filter(([name]) => !PARAMETERS.includes(name) && !ignored.has(name))
      .map(([name, file]) => `${name} (${file})`);
    expect(missing, "add them to PARAMETERS").toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(40);
  });

  test("every page and route answers below 500 with our security headers", async ({ page }) => {
    // Password hashing is slow on a busy machine.
    await signIn(page, "ADMIN", "/admin", 30_000);
    const adminCookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

    const openApi = (await (await page.request.get("/api/v1/openapi.json")).json()) as {
      servers: { url: string }[];
      paths: Record<string, { get: { parameters: { name: string; in: string }[] } }>;
    };
    const apiBase = new URL(openApi.servers[0]!.url).pathname;
    const apiParameters = new Map(
      Object.entries(openApi.paths).map(([p, item]) => [
        `${apiBase}${p.replace(/\{(\w+)\}/g, "[$1]")}`,
        item.get.parameters.filter((x) => x.in === "query").map((x) => x.name),
      ]),
    );
    for (const apiRoute of apiParameters.keys())
      expect(routes, "the OpenAPI document names a route that does not exist").toContain(apiRoute);

    const work = routes.flatMap((route) => {
      const isPrivate = route.startsWith("/admin") || route.startsWith("/api/admin");
      return urlsFor(route, apiParameters.get(route)).map((url) => ({ url, cookie: isPrivate ? adminCookie : "" }));
    });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    let done = 0;
    await pool(work, 8, async ({ url, cookie }) => {
      if (++done % 500 === 0) console.log(`${done}/${work.length} in ${Math.round((Date.now() - started) / 1000)} s`);
      const answer = await get(url, cookie).catch((error: Error) => ({ status: 599, headers: {} as http.IncomingHttpHeaders, error }));
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const missing = expectedHeaders.filter((name) => !answer.headers[name.toLowerCase()]);
      if (answer.status >= 500 || missing.length > 0)
        failures.push(`${answer.status} ${url.slice(0, 200)}${missing.length ? ` missing ${missing.join(", ")}` : ""}`);
    });
    console.log(`${work.length} requests over ${routes.length} routes:`, Object.fromEntries(statuses));
    expect(failures).toEqual([]);
    // Signed in, the admin pages were read, not redirected to the sign-in page.
    expect((await get("/admin/initiatives?page=2147483648", adminCookie)).status).toBe(200);
  });

  test("an unreadable address gets a French 400 page (accessible, reflowing at 320 px) or, for the API, a problem", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const response = await page.goto("/initiatives/%ff?q=a%00b");
    expect(response!.status()).toBe(400);
    for (const name of expectedHeaders) expect(response!.headers()[name.toLowerCase()], name).toBeTruthy();
    await expect(page).toHaveTitle("Adresse invalide – Repères");
    await expect(page.getByRole("heading", { level: 1, name: "Adresse invalide" })).toBeVisible();
    await expect(page.locator("code")).toHaveText(response!.headers()["x-request-id"]!);
    await expect(page.getByRole("link", { name: "Revenir à l'accueil de Repères" })).toHaveAttribute("href", "/");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    const api = await page.request.get("/api/v1/initiatives?q=%00");
    expect(api.status()).toBe(400);
    expect(api.headers()["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(await api.json()).toMatchObject({
      status: 400,
      title: "Requête invalide",
      detail: expect.stringContaining("caractère de contrôle"),
    });
  });
});
