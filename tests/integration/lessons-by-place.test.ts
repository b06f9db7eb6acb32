import { beforeAll, describe, expect, it } from "vitest";
import { GET as getLessons } from "@/app/api/v1/enseignements/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { prisma } from "@/lib/db/client";
import { loadDemoContent } from "@/lib/demo/load";
import { parseLessonQuery, searchLessons } from "@/lib/public/lessons";
import { choosePlace } from "@/lib/public/search";
import { contractErrors } from "../support/openapi-contract";
import { makeInitiative, makeLesson } from "../support/factories";

const ACSO = "200068047";
const CREIL = "60175";
const MONTATAIRE = "60414";
const ROUBAIX = "59512";
const LILLE = "59350";
const OISE = "60";
const REGION = "32";
const ACSO_LESSON = "former-les-professionnels";

const find = (params: Record<string, string>) => searchLessons(parseLessonQuery(params), { pageSize: 100 });
const slugs = async (params: Record<string, string>) => (await find(params)).items.map((l) => l.slug).sort();

let clientNumber = 0;
async function api(pathAndQuery: string) {
  const url = new URL(`http://localhost/api/v1${pathAndQuery}`);
  const response = await getLessons(new Request(url, { headers: { "x-forwarded-for": `203.0.113.${++clientNumber % 250}` } }));
  const body = await response.json();
  expect(contractErrors("/enseignements", response.status, response.headers.get("content-type") ?? "", body)).toEqual([]);
  return { status: response.status, body };
}

beforeAll(async () => {
  await loadDemoContent(prisma);
  const synthesis = await prisma.source.findUniqueOrThrow({ where: { slug: "synthese-lcd-pouvoir-d-agir-2024" } });
  const montataire = await makeInitiative(prisma, { slug: "mediation-montataire", title: "Médiation à Montataire", places: [MONTATAIRE] });
  const draftRoubaix = await makeInitiative(prisma, {
    slug: "brouillon-roubaix",
    title: "Brouillon à Roubaix",
    status: "DRAFT",
    places: [ROUBAIX],
  });
  await makeLesson(prisma, {
    slug: "aller-vers-montataire",
    title: "L'aller-vers auprès des jeunes",
    body: "Une démarche d'**aller-vers** menée avec le Collectif Kif Kif : aller au-devant des jeunes, là où ils sont, plutôt que d'attendre qu'ils viennent.",
    publishedAt: new Date("2020-01-01"),
    sourceId: synthesis.id,
    initiatives: [montataire.id],
  });
  // Only a draft initiative links this lesson to Roubaix: it falls back to its source's places.
  await makeLesson(prisma, {
    slug: "lecon-brouillon-initiative",
    title: "Un enseignement lié à un brouillon",
    body: "Texte.",
    publishedAt: new Date("2019-01-01"),
    initiatives: [draftRoubaix.id],
  });
  await makeLesson(prisma, {
    slug: "lecon-brouillon",
    title: "Brouillon à Creil",
    body: "Pas publié.",
    status: "DRAFT",
    initiatives: [montataire.id],
  });
  await makeLesson(prisma, {
    slug: "lecon-corbeille",
    title: "Enseignement à la corbeille",
    body: "Supprimé.",
    trashed: true,
    initiatives: [montataire.id],
  });
});

describe("lessons by place", () => {
  it("brings ACSO's lesson to Creil, as covering it from the agglomeration", async () => {
    const result = await find({ territoire: CREIL });
    const acso = result.items.find((l) => l.slug === ACSO_LESSON);
    expect(acso?.scale).toBe("à l'échelle de l'agglomération");
    expect(result.local).toBe(0);
    // The Défenseur des droits' regional action reaches Creil from the région.
    expect(result.items.find((l) => l.slug === "proximite-et-lisibilite-des-dispositifs")?.scale).toBe("à l'échelle de la région");
    expect(await slugs({ territoire: CREIL, portee: "couvrant" })).toContain(ACSO_LESSON);
    expect(await slugs({ territoire: CREIL, portee: "local" })).toEqual([]);
  });

  it("never brings a sibling's lesson: not ACSO's to Roubaix, not Lille's to Roubaix, not Montataire's to Creil", async () => {
    for (const portee of ["tous", "local", "couvrant"]) {
      const roubaix = await slugs({ territoire: ROUBAIX, portee });
      expect(roubaix).not.toContain(ACSO_LESSON);
      expect(roubaix).not.toContain("outils-expression-vecu-discriminatoire");
      expect(await slugs({ territoire: CREIL, portee })).not.toContain("aller-vers-montataire");
    }
  });

  it("lists local lessons first, then covering ones, with counts of each", async () => {
    const result = await find({ territoire: ROUBAIX });
    expect(
      result.items
        .slice(0, 2)
        .map((l) => l.slug)
        .sort(),
    ).toEqual(["discriminations-invisibilisees-non-recours", "pairs-retablir-la-confiance"]);
    expect(result.items.slice(0, 2).every((l) => l.scale === null)).toBe(true);
    expect(result.items.slice(2).every((l) => l.scale === "à l'échelle de la région")).toBe(true);
    expect(result.local).toBe(2);
    expect(result.total).toBe(4);
  });

  it("pages through the inside tier then the covering one, in the order of the whole list", async () => {
    for (const params of [{ territoire: ROUBAIX }, { territoire: CREIL }, { territoire: ACSO }]) {
      const all = (await find(params)).items.map((l) => [l.slug, l.scale]);
      expect(all.length).toBeGreaterThan(2);
      for (const size of [1, 3]) {
        const pages = [];
        for (let page = 1; page <= Math.ceil(all.length / size); page++) {
          const result = await searchLessons(parseLessonQuery({ ...params, page: String(page) }), { pageSize: size });
          pages.push(...result.items.map((l) => [l.slug, l.scale]));
        }
        expect(pages).toEqual(all);
      }
    }
  });

  it("says the closest covering place, the agglomeration before the département at the same distance", async () => {
    const both = await makeInitiative(prisma, { slug: "acso-et-oise", title: "À l'agglomération et au département", places: [ACSO, OISE] });
    await makeLesson(prisma, { slug: "lecon-acso-et-oise", title: "Deux échelles", body: "Texte.", initiatives: [both.id] });
    const lesson = (await find({ territoire: CREIL, portee: "couvrant" })).items.find((l) => l.slug === "lecon-acso-et-oise");
    expect(lesson?.scale).toBe("à l'échelle de l'agglomération");
    await prisma.initiative.update({ where: { id: both.id }, data: { status: "DRAFT" } });
    expect(await slugs({ territoire: CREIL })).not.toContain("lecon-acso-et-oise");
    await prisma.lesson.delete({ where: { id: lesson!.id } });
    await prisma.initiative.delete({ where: { id: both.id } });
  });

  it("finds inside an EPCI, a département and the région", async () => {
    expect(await slugs({ territoire: ACSO, portee: "local" })).toEqual([
      "aller-vers-montataire",
      "discriminations-invisibilisees-non-recours",
      ACSO_LESSON,
    ]);
    expect(await slugs({ territoire: OISE, portee: "local" })).toEqual([
      "aller-vers-montataire",
      "discriminations-invisibilisees-non-recours",
      ACSO_LESSON,
    ]);
    const region = await slugs({ territoire: REGION, portee: "local" });
    expect(region).toHaveLength(7);
    expect(await slugs({ territoire: REGION, portee: "couvrant" })).toEqual([]);
  });

  it("takes a lesson without public initiative to the places of its source's initiatives; drafts give no place", async () => {
    // Its only initiative is a draft at Roubaix: it has no source either, so no place at all.
    expect(await slugs({ territoire: ROUBAIX, portee: "local" })).not.toContain("lecon-brouillon-initiative");
    expect(await slugs({ territoire: LILLE, portee: "local" })).toContain("discriminations-invisibilisees-non-recours");
  });

  it("never shows drafts nor trashed lessons", async () => {
    const all = [
      ...(await slugs({})),
      ...(await slugs({ territoire: MONTATAIRE })),
      ...(await slugs({ q: "corbeille" })),
      ...(await slugs({ q: "brouillon" })),
    ];
    expect(all).not.toContain("lecon-brouillon");
    expect(all).not.toContain("lecon-corbeille");
  });

  it("combines place with text, theme and approach", async () => {
    expect(await slugs({ territoire: CREIL, q: "former professionnels" })).toEqual([ACSO_LESSON]);
    expect(await slugs({ territoire: CREIL, approche: "formation-professionnels" })).toEqual([ACSO_LESSON]);
    expect(await slugs({ territoire: ROUBAIX, theme: "pouvoir-d-agir-habitants" })).toEqual(["pairs-retablir-la-confiance"]);
  });
});

describe("lessons by text", () => {
  it("ignores hyphens and apostrophes either way", async () => {
    for (const q of ["aller-vers", "aller vers", "Kif-Kif", "kif kif", "au devant"])
      expect(await slugs({ q }), q).toContain("aller-vers-montataire");
    expect(await slugs({ q: "l'égalité" })).toContain("pairs-retablir-la-confiance");
  });

  it("shows an excerpt of the text with the query's words marked, without Markdown", async () => {
    const [hit] = (await find({ q: "aller-vers" })).items;
    expect(hit?.slug).toBe("aller-vers-montataire");
    const marked = hit!.excerpt.filter((s) => s.highlighted).map((s) => s.text.toLowerCase());
    expect(marked).toContain("aller");
    expect(hit!.excerpt.map((s) => s.text).join("")).not.toContain("**");
    expect(hit!.titleSegments.some((s) => s.highlighted)).toBe(true);
  });

  it("shows the start of the text when nothing is searched", async () => {
    const hit = (await find({})).items.find((l) => l.slug === "aller-vers-montataire")!;
    expect(hit.excerpt).toEqual([{ text: expect.stringMatching(/^Une démarche d'aller-vers menée/), highlighted: false }]);
  });

  it("keeps nonsense queries empty", async () => {
    expect(await slugs({ q: "zzkqwx blorptang" })).toEqual([]);
  });
});

describe("hostile page parameters never throw", () => {
  const junk = ["\u0000", "a\u0000b", "%ff", "\uFFFD\uFFFD", "x".repeat(10_000), "\\", '\'; DROP TABLE "Lesson"; --', "-", "!!!", "((("];
  it.each(junk.map((value) => [JSON.stringify(value).slice(0, 30), value]))("q, lieu, territoire, portee = %s", async (_label, value) => {
    const raw = { q: value, lieu: value, territoire: value, portee: value, theme: value, page: value };
    const query = parseLessonQuery(raw);
    const choice = await choosePlace(query.lieu, query.territoire);
    await expect(searchLessons({ ...query, territoire: choice.place?.code })).resolves.toBeDefined();
    expect(query.portee).toBe("tous");
  });

  it("understands a typed place, and says when a code or words name none", async () => {
    expect((await choosePlace("creil", undefined)).place?.code).toBe(CREIL);
    expect((await choosePlace("", "99999")).unknown).toBe(true);
    expect((await choosePlace("zzkqwx", undefined)).unknown).toBe(true);
    expect((await choosePlace("", undefined)).place).toBeNull();
  });
});

describe("GET /api/v1/enseignements", () => {
  it("filters by place and scope, with the counts and scale of each lesson", async () => {
    const { status, body } = await api(`/enseignements?territoire=${CREIL}`);
    expect(status).toBe(200);
    expect(body.place).toEqual({ territory: { code: CREIL, name: "Creil", kind: "COMMUNE" }, local: 0, covering: body.pagination.total });
    expect(body.items.find((l: { slug: string }) => l.slug === ACSO_LESSON).scale).toBe("à l'échelle de l'agglomération");
    const roubaix = await api(`/enseignements?territoire=${ROUBAIX}&portee=local`);
    expect(roubaix.body.items.map((l: { slug: string }) => l.slug).sort()).toEqual([
      "discriminations-invisibilisees-non-recours",
      "pairs-retablir-la-confiance",
    ]);
    expect((await api("/enseignements")).body.place).toBeNull();
  });

  it("pages with par_page", async () => {
    const { body } = await api("/enseignements?par_page=2&page=2");
    expect(body.items).toHaveLength(2);
    expect(body.pagination).toMatchObject({ page: 2, perPage: 2, total: 8, pageCount: 4 });
  });

  it.each(
    [
      ["/enseignements?territoire=99999", "territoire"],
      ["/enseignements?territoire=%00", "territoire"],
      ["/enseignements?territoire=%ff", "territoire"],
      ["/enseignements?portee=partout", "portee"],
      ["/enseignements?portee=%00", "portee"],
      [`/enseignements?q=${"x".repeat(10_000)}`, "q"],
      ["/enseignements?par_page=1000", "par_page"],
      ["/enseignements?lieu=creil", "lieu"],
    ].map(([path, parameter]) => [path!.slice(0, 50), path, parameter]),
  )("%s → 400 in French naming the parameter", async (_label, path, parameter) => {
    const { status, body } = await api(path!);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
    expect(body.detail).toMatch(/^(Valeur invalide|Paramètre inconnu|Territoire inconnu)/);
  });

  it("answers 200 to control characters and junk in q", async () => {
    for (const q of ["%00", "%ff", "a%00b", "%5C"]) expect((await api(`/enseignements?q=${q}`)).status).toBe(200);
  });

  it("documents territoire, portee and par_page in OpenAPI", async () => {
    const doc = await (await getOpenApi(new Request("http://localhost/api/v1/openapi.json"))).json();
    const names = doc.paths["/enseignements"].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(["territoire", "portee", "par_page"]));
  });

  // Lesson places are a read model kept by triggers: every edit that changes them shows at once.
  // Last in the file: it edits shared rows, and puts them back.
  it("follows edits of initiatives, their places and citations, and sources", async () => {
    const local = (code: string) => slugs({ territoire: code, portee: "local" });
    const draft = await prisma.initiative.findUniqueOrThrow({ where: { slug: "brouillon-roubaix" } });
    await prisma.initiative.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect(await local(ROUBAIX)).toContain("lecon-brouillon-initiative");
    await prisma.initiativeTerritory.create({ data: { initiativeId: draft.id, territoryCode: CREIL } });
    expect(await local(CREIL)).toContain("lecon-brouillon-initiative");
    await prisma.initiativeTerritory.deleteMany({ where: { initiativeId: draft.id, territoryCode: CREIL } });
    expect(await local(CREIL)).not.toContain("lecon-brouillon-initiative");
    await prisma.initiative.update({ where: { id: draft.id }, data: { deletedAt: new Date() } });
    expect(await local(ROUBAIX)).not.toContain("lecon-brouillon-initiative");
    await prisma.initiative.update({ where: { id: draft.id }, data: { status: "DRAFT", deletedAt: null } });

    // A lesson without public initiative follows the initiatives citing its source.
    const montataire = await prisma.initiative.findUniqueOrThrow({ where: { slug: "mediation-montataire" } });
    const lesson = await prisma.lesson.findUniqueOrThrow({ where: { slug: "lecon-brouillon-initiative" } });
    const synthesis = await prisma.source.findUniqueOrThrow({ where: { slug: "synthese-lcd-pouvoir-d-agir-2024" } });
    await prisma.lesson.update({ where: { id: lesson.id }, data: { sourceId: synthesis.id } });
    expect(await local(MONTATAIRE)).not.toContain("lecon-brouillon-initiative");
    await prisma.initiativeSource.create({ data: { initiativeId: montataire.id, sourceId: synthesis.id } });
    expect(await local(MONTATAIRE)).toContain("lecon-brouillon-initiative");
    await prisma.source.update({ where: { id: synthesis.id }, data: { status: "DRAFT" } });
    expect(await local(MONTATAIRE)).not.toContain("lecon-brouillon-initiative");
    await prisma.source.update({ where: { id: synthesis.id }, data: { status: "PUBLISHED" } });
    await prisma.initiativeSource.deleteMany({ where: { initiativeId: montataire.id, sourceId: synthesis.id } });
    await prisma.lesson.update({ where: { id: lesson.id }, data: { sourceId: null } });
    expect(await local(MONTATAIRE)).not.toContain("lecon-brouillon-initiative");
  });
});
