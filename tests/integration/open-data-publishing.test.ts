import { beforeAll, describe, expect, it } from "vitest";
import { GET as latestFeed } from "@/app/flux.xml/route";
import { GET as fichePdf } from "@/app/initiatives/[slug]/fiche.pdf/route";
import { GET as selectionFeed } from "@/app/initiatives/flux.xml/route";
import sitemap from "@/app/sitemap";
import { prisma } from "@/lib/db/client";
import { renderFiche } from "@/lib/opendata/fiche-pdf";
import { getInitiativeRecord } from "@/lib/opendata/initiative-records";
import { makeActor, makeInitiative, makeLesson } from "../support/factories";

let client = 0;
const request = (url: string) => new Request(`http://localhost${url}`, { headers: { "x-forwarded-for": `198.51.100.${++client}` } });
const entryLinks = (xml: string) => [...xml.matchAll(/<entry>[\s\S]*?<link href="([^"]+)"/g)].map((m) => m[1]);

beforeAll(async () => {
  await makeInitiative(prisma, { slug: "plan-territorial-lutte-discriminations-acso", places: ["200068047"] });
  await makeInitiative(prisma, { slug: "ambassadeurs-de-l-egalite-roubaix", places: ["59512"] });
  await makeActor(prisma, { slug: "collectif-kif-kif", place: "59350" });
  await makeLesson(prisma, { slug: "former-les-professionnels" });
  await makeInitiative(prisma, {
    slug: "fiche-accentuee",
    title: "Égalité <réelle> & « pouvoir d’agir » – Œuvre commune",
    summary: "Un résumé avec des accents : é è ê à ç ù œ.",
    publishedAt: new Date(Date.now() + 60_000),
    places: ["60175"],
    data: { description: "**Gras** et [lien](https://example.org). Caractère hors police : ≥ 3." },
  });
  await makeInitiative(prisma, { slug: "brouillon-flux", title: "Brouillon du flux", status: "DRAFT", places: ["60175"] });
});

describe("Atom feeds", () => {
  it("/flux.xml lists the latest published initiatives and lessons, escaped, without drafts", async () => {
    const response = await latestFeed(request("/flux.xml"));
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const links = entryLinks(xml);
    expect(links[0]).toBe("http://localhost:3000/initiatives/fiche-accentuee");
    expect(links.some((link) => link?.includes("/enseignements/"))).toBe(true);
    expect(xml).not.toContain("brouillon-flux");
    expect(xml).toContain("Égalité &lt;réelle&gt; &amp; « pouvoir d’agir »");
    expect(xml).toContain("Licence Ouverte 2.0");
  });

  it("/initiatives/flux.xml follows the page's filters", async () => {
    const xml = await (await selectionFeed(request("/initiatives/flux.xml?territoire=200068047"))).text();
    const links = entryLinks(xml);
    expect(links).toContain("http://localhost:3000/initiatives/fiche-accentuee");
    expect(links).toContain("http://localhost:3000/initiatives/plan-territorial-lutte-discriminations-acso");
    expect(links).not.toContain("http://localhost:3000/initiatives/ambassadeurs-de-l-egalite-roubaix");
    expect(xml).not.toContain("brouillon-flux");
  });
});

describe("PDF fiche", () => {
  it("is a PDF of a published initiative, 404 for a draft", async () => {
    const response = await fichePdf(request("/initiatives/fiche-accentuee/fiche.pdf"), {
      params: Promise.resolve({ slug: "fiche-accentuee" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.subarray(-6).toString("latin1")).toContain("%%EOF");
    const draft = await fichePdf(request("/initiatives/brouillon-flux/fiche.pdf"), { params: Promise.resolve({ slug: "brouillon-flux" }) });
    expect(draft.status).toBe(404);
  });

  it("writes French accents in the fonts' encoding", async () => {
    const record = (await getInitiativeRecord(prisma, "fiche-accentuee"))!;
    const pdf = (await renderFiche(record, { compress: false })).toString("latin1");
    // Text is written as hex glyph codes, split where kerning applies: join the runs.
    const shown = [...pdf.matchAll(/<([0-9a-f]+)>/g)].map((m) => m[1]).join("");
    const winAnsi = (text: string) =>
      [...text].map((c) => ({ "’": "92", "–": "96", Œ: "8c", œ: "9c" })[c] ?? c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
    expect(shown).toContain(winAnsi("galit")); // "É" then "galité" may be split by kerning
    expect(shown).toContain(winAnsi("é è ê à ç ù œ."));
    expect(shown).toContain(winAnsi("pouvoir d’agir"));
  });
});

describe("sitemap, robots and structured data", () => {
  it("the sitemap lists published pages only", async () => {
    const urls = (await sitemap()).map((entry) => entry.url);
    expect(urls).toContain("http://localhost:3000/initiatives/fiche-accentuee");
    expect(urls).toContain("http://localhost:3000/acteurs/collectif-kif-kif");
    expect(urls).toContain("http://localhost:3000/enseignements/former-les-professionnels");
    expect(urls).not.toContain("http://localhost:3000/initiatives/brouillon-flux");
  });
});
