import { beforeAll, describe, expect, it } from "vitest";
import { GET as getActors } from "@/app/api/v1/acteurs/route";
import { GET as getApproaches } from "@/app/api/v1/approches/route";
import { GET as getLessons } from "@/app/api/v1/enseignements/route";
import { GET as getInitiative, OPTIONS as optionsInitiative } from "@/app/api/v1/initiatives/[slug]/route";
import { GET as getInitiatives } from "@/app/api/v1/initiatives/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getTerritories } from "@/app/api/v1/territoires/route";
import { GET as getThemes } from "@/app/api/v1/themes/route";
import { RATE_LIMIT } from "@/lib/api/rate-limit";
import { prisma } from "@/lib/db/client";
import { loadDemoContent } from "@/lib/demo/load";
import { parseSearchQuery } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import { contractErrors, validateDocument } from "../support/openapi-contract";
import { makeActor, makeInitiative } from "../support/factories";

const ACSO = "200068047";
type Handler = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;
const routes: [RegExp, Handler][] = [
  [/^\/initiatives$/, getInitiatives],
  [/^\/initiatives\/[^/]+$/, getInitiative],
  [/^\/acteurs$/, getActors],
  [/^\/themes$/, getThemes],
  [/^\/approches$/, getApproaches],
  [/^\/territoires$/, getTerritories],
  [/^\/enseignements$/, getLessons],
];

let clientNumber = 0;

/** Calls a route handler like Next would, and checks the answer against the OpenAPI document. */
async function api(pathAndQuery: string, headers: Record<string, string> = {}) {
  const url = new URL(`http://localhost/api/v1${pathAndQuery}`);
  const path = url.pathname.slice("/api/v1".length);
  const handler = routes.find(([pattern]) => pattern.test(path))?.[1];
  if (!handler) throw new Error(`no route for ${path}`);
  // Each call comes from its own address, except where a test sets one (rate limiting).
  const request = new Request(url, { headers: { "x-forwarded-for": `198.51.100.${++clientNumber % 250}`, ...headers } });
  const response = await handler(request, { params: Promise.resolve({ slug: decodeURIComponent(path.split("/")[2] ?? "") }) });
  const contentType = response.headers.get("content-type") ?? "";
  const body = response.status === 304 ? null : await response.json();
  if (response.status !== 304) expect(contractErrors(path, response.status, contentType, body)).toEqual([]);
  return { status: response.status, headers: response.headers, body, contentType };
}

beforeAll(async () => {
  await loadDemoContent(prisma);
  const acso = await prisma.initiative.findUniqueOrThrow({ where: { slug: "plan-territorial-lutte-discriminations-acso" } });
  await prisma.initiative.update({
    where: { id: acso.id },
    data: { contactName: "Camille Martin", contactEmail: "camille@example.org", contactConsent: false },
  });
  await prisma.initiative.update({
    where: { slug: "ambassadeurs-de-l-egalite-roubaix" },
    data: { contactName: "Sami Benali", contactRole: "Chargé de mission", contactEmail: "sami@example.org", contactConsent: true },
  });
  await makeInitiative(prisma, { slug: "brouillon-secret", title: "Brouillon secret à Creil", status: "DRAFT", places: ["60175"] });
  await makeInitiative(prisma, {
    slug: "corbeille-secrete",
    title: "Initiative mise à la corbeille à Creil",
    trashed: true,
    places: ["60175"],
  });
  await makeActor(prisma, { slug: "acteur-brouillon", name: "Acteur en brouillon", status: "DRAFT" });
});

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document generated from the zod schemas", async () => {
    const result = await validateDocument();
    expect(result.errors).toBeFalsy();
    expect(result.valid).toBe(true);
  });

  it("is served at /api/v1/openapi.json and lists every endpoint with its parameters", async () => {
    const response = await getOpenApi(
      new Request("http://localhost/api/v1/openapi.json", { headers: { "x-forwarded-for": "203.0.113.9" } }),
    );
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual([
      "/initiatives",
      "/initiatives/{slug}",
      "/acteurs",
      "/themes",
      "/approches",
      "/territoires",
      "/enseignements",
    ]);
    const names = doc.paths["/initiatives"].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual([
      "q",
      "interpreter",
      "territoire",
      "portee",
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
      "par_page",
    ]);
    expect(doc.info.description).toContain("Licence Ouverte");
  });
});

describe("initiatives", () => {
  it("lists only published initiatives, with facets and pagination", async () => {
    const { status, body } = await api("/initiatives?par_page=2");
    expect(status).toBe(200);
    const publicCount = await prisma.initiative.count({ where: { status: "PUBLISHED", deletedAt: null } });
    expect(body.pagination).toMatchObject({ page: 1, perPage: 2, total: publicCount, pageCount: Math.ceil(publicCount / 2) });
    expect(body.pagination.next).toMatch(/\/api\/v1\/initiatives\?par_page=2&page=2$/);
    expect(body.items).toHaveLength(2);
    expect(body.facets.map((f: { parameter: string }) => f.parameter)).toContain("territoire");
    expect(body.licence.name).toContain("Licence Ouverte");
    const all = await api("/initiatives?par_page=100");
    expect(all.body.items.map((i: { slug: string }) => i.slug)).not.toContain("brouillon-secret");
    expect(all.body.items.map((i: { slug: string }) => i.slug)).not.toContain("corbeille-secrete");
  });

  it("filters exactly like the search page", async () => {
    for (const query of [`territoire=${ACSO}`, "q=discriminations", "q=discrimnation", "approche=testing&territoire=60", "tri=titre"]) {
      const { body } = await api(`/initiatives?${query}&par_page=100`);
      const page = await searchInitiatives(prisma, parseSearchQuery(new URLSearchParams(query)), { pageSize: 100 });
      expect(body.items.map((i: { slug: string }) => i.slug)).toEqual(page.items.map((i) => i.slug));
      expect(body.pagination.total).toBe(page.total);
    }
  });

  it("gives one initiative in full, contact details only with consent", async () => {
    const withConsent = await api("/initiatives/ambassadeurs-de-l-egalite-roubaix");
    expect(withConsent.status).toBe(200);
    expect(withConsent.body.item.contact).toEqual({
      name: "Sami Benali",
      role: "Chargé de mission",
      email: "sami@example.org",
      phone: null,
    });
    expect(withConsent.body.item.territories[0]).toMatchObject({ code: "59512", kind: "COMMUNE" });
    const without = await api("/initiatives/plan-territorial-lutte-discriminations-acso");
    expect(without.body.item.contact).toBeNull();
    expect(JSON.stringify(without.body)).not.toContain("camille");
  });

  it("answers 404 problem+json for drafts, trashed and unknown initiatives", async () => {
    for (const slug of ["brouillon-secret", "corbeille-secrete", "n-existe-pas"]) {
      const { status, contentType, body } = await api(`/initiatives/${slug}`);
      expect(status).toBe(404);
      expect(contentType).toMatch(/^application\/problem\+json/);
      expect(body.detail).toMatch(/publiée/);
    }
  });
});

describe("other resources", () => {
  it("lists published actors only", async () => {
    const { body } = await api("/acteurs?par_page=100");
    const slugs = body.items.map((a: { slug: string }) => a.slug);
    expect(slugs).toContain("collectif-kif-kif");
    expect(slugs).not.toContain("acteur-brouillon");
    expect(body.pagination.total).toBe(await prisma.actor.count({ where: { status: "PUBLISHED", deletedAt: null } }));
  });

  it("lists themes and approaches with their public counts", async () => {
    const themes = await api("/themes");
    expect(themes.body.items.length).toBe(await prisma.theme.count({ where: { deletedAt: null } }));
    const approaches = await api("/approches");
    const testing = approaches.body.items.find((a: { slug: string }) => a.slug === "testing");
    expect(testing).toBeDefined();
    expect(testing.initiativeCount).toBe((await searchInitiatives(prisma, parseSearchQuery({ approche: "testing" }))).total);
  });

  it("finds territories by alias, name or code, and lists them by level", async () => {
    expect((await api("/territoires?q=acso")).body.items.map((t: { code: string }) => t.code)).toContain(ACSO);
    expect((await api("/territoires?q=creil")).body.items[0].code).toBe("60175");
    expect((await api("/territoires?q=59512")).body.items[0].code).toBe("59512");
    const departements = await api("/territoires?niveau=departement&par_page=100");
    expect(departements.body.items.map((t: { code: string }) => t.code).sort()).toEqual(["02", "59", "60", "62", "80"]);
  });

  it("lists published lessons, filterable", async () => {
    const all = await api("/enseignements");
    expect(all.body.pagination.total).toBe(await prisma.lesson.count({ where: { status: "PUBLISHED", deletedAt: null } }));
    const searched = await api("/enseignements?q=professionnels");
    expect(searched.body.items.map((l: { slug: string }) => l.slug)).toContain("former-les-professionnels");
  });
});

describe("bad parameters", () => {
  const cases: [string, string][] = [
    ["/initiatives?territory=59512", "territory"],
    ["/initiatives?page=abc", "page"],
    ["/initiatives?page=-1", "page"],
    ["/initiatives?par_page=1000", "par_page"],
    ["/initiatives?territoire=%3Cscript%3E", "territoire"],
    ["/initiatives?tri=recent&tri=titre", "tri"],
    [`/initiatives?q=${"a".repeat(10_000)}`, "q"],
    ["/initiatives?annee=deux-mille", "annee"],
    ["/initiatives?acteur=martien", "acteur"],
    ["/initiatives/ambassadeurs-de-l-egalite-roubaix?x=1", "x"],
    ["/themes?page=2", "page"],
    ["/territoires?niveau=planete", "niveau"],
    ["/territoires?q=a", "q"],
    ["/enseignements?niveau=rumeur", "niveau"],
  ];
  it.each(cases.map(([path, parameter]) => [path.slice(0, 60), path, parameter]))(
    "%s → 400 problem+json naming « %s », in French",
    async (_label, path, parameter) => {
      const { status, contentType, body } = await api(path);
      expect(status).toBe(400);
      expect(contentType).toMatch(/^application\/problem\+json/);
      expect(body.parameter).toBe(parameter);
      expect(body.detail).toContain(`« ${parameter} »`);
      expect(body.detail).not.toContain("<script>");
    },
  );
});

describe("HTTP behaviour", () => {
  it("answers 304 to a matching If-None-Match or If-Modified-Since, and changes validators after an edit", async () => {
    // The last change a few seconds back, as on a live site: within the second of a change the
    // date sent is one second earlier on purpose (lib/opendata/data-version.ts), and a request
    // made after that second ends would rightly answer 200 to it.
    await prisma.$executeRaw`UPDATE "SearchVersion" SET "changedAt" = clock_timestamp() - interval '5 seconds' WHERE id = 1`;
    const first = await api("/initiatives?territoire=59512");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect((await api("/initiatives?territoire=59512", { "if-none-match": etag })).status).toBe(304);
    expect((await api("/initiatives?territoire=59512", { "if-modified-since": lastModified })).status).toBe(304);
    expect((await api("/initiatives?territoire=60", { "if-none-match": etag })).status).toBe(200);

    // An edit made two seconds later (HTTP dates count whole seconds), stamped so rather than waited for.
    const later = new Date(Date.parse(lastModified) + 2000);
    await prisma.initiative.update({
      where: { slug: "ambassadeurs-de-l-egalite-roubaix" },
      data: { summary: "Résumé modifié.", updatedAt: later },
    });
    const after = await api("/initiatives?territoire=59512", { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.body.items[0].summary).toBe("Résumé modifié.");
    expect((await api("/initiatives?territoire=59512", { "if-modified-since": lastModified })).status).toBe(200);
  });

  it("is open to every origin for GET, with a preflight answer", async () => {
    const { headers } = await api("/themes");
    expect(headers.get("access-control-allow-origin")).toBe("*");
    const preflight = optionsInitiative();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("limits each address with 429 and Retry-After, without affecting others", async () => {
    const address = { "x-forwarded-for": "192.0.2.77" };
    const started = Date.now();
    let allowed = 0;
    let limited = await api("/initiatives?page=abc", address);
    for (; limited.status === 400 && allowed <= 2 * RATE_LIMIT.capacity; allowed++) limited = await api("/initiatives?page=abc", address);
    expect(limited.status).toBe(429);
    // The bucket refills on the database's clock while the loop runs.
    const refilled = Math.ceil(((Date.now() - started) / 1000) * RATE_LIMIT.refillPerSecond);
    expect(allowed).toBeGreaterThanOrEqual(RATE_LIMIT.capacity);
    expect(allowed).toBeLessThanOrEqual(RATE_LIMIT.capacity + refilled);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.body.detail).toMatch(/Trop de requêtes/);
    expect((await api("/themes")).status).toBe(200);
    // Owing 500 s of refill, the bucket stays empty however slowly the rest runs.
    await prisma.$executeRaw`UPDATE "ApiRateBucket" SET tokens = -1000 WHERE client = '192.0.2.77'`;
    // Entries the client adds in front of its real address change nothing (lib/http/client-ip.ts).
    expect((await api("/initiatives?page=abc", { "x-forwarded-for": "203.0.113.200, 192.0.2.77" })).status).toBe(429);
  });
});

describe("actors in the API: public contact, consent, place", () => {
  it("gives the organisation's details, and a contact person only with recorded consent", async () => {
    await prisma.actor.update({
      where: { slug: "irev" },
      data: { contactName: "Personne Sans Accord", contactEmail: "sans.accord@example.org", contactConsent: false },
    });
    await prisma.actor.update({
      where: { slug: "collectif-kif-kif" },
      data: { contactName: "Personne Avec Accord", contactConsent: true },
    });
    const { body } = await api("/acteurs?par_page=100");
    const bySlug = new Map(body.items.map((a: { slug: string }) => [a.slug, a]));
    expect(bySlug.get("irev")).toMatchObject({ phone: "06 40 34 53 36", email: "contact@irev.fr", contact: null, areas: [{ code: "32" }] });
    expect(JSON.stringify(body)).not.toContain("Sans Accord");
    expect(JSON.stringify(body)).not.toContain("sans.accord@example.org");
    expect(bySlug.get("collectif-kif-kif")).toMatchObject({ contact: { name: "Personne Avec Accord" } });
  });

  it("filters by place, inside and covering, with each actor's scale", async () => {
    const creil = (await api("/acteurs?territoire=60175")).body.items;
    expect(creil.map((a: { slug: string }) => a.slug)).toEqual(["agglomeration-creil-sud-oise", "defenseur-des-droits", "irev"]);
    expect(creil[0].scale).toBe("à l'échelle de l'agglomération");
    expect((await api("/acteurs?territoire=60175&portee=local")).body.items).toEqual([]);
    expect((await api("/acteurs?territoire=200068047&portee=local")).body.items.map((a: { slug: string }) => a.slug)).toEqual([
      "agglomeration-creil-sud-oise",
    ]);
    expect((await api("/acteurs?q=kif-kif")).body.items.map((a: { slug: string }) => a.slug)).toEqual(["collectif-kif-kif"]);
  });

  it("answers bad parameters with a French 400 or 404, never a 500", async () => {
    for (const query of [
      "portee=partout",
      "territoire=%00",
      `q=${"a".repeat(10_000)}`,
      "type=inconnu",
      "territoire=%ff",
      "lieu=Creil",
      "territoire=99999",
    ]) {
      const { status, body } = await api(`/acteurs?${query}`);
      expect(status, query).toBe(400);
      expect(body.detail).toMatch(/paramètre/i);
    }
    expect((await api("/acteurs?territoire=99999")).body.detail).toMatch(/aucun territoire/);
    expect((await api("/acteurs?q=%00%01")).status).toBe(200);
  });
});
