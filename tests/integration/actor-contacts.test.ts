import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/connect";
import { loadDemoContent } from "@/lib/demo/load";
import type { EntityDefinition } from "@/lib/editorial/definition";
import { saveRecord } from "@/lib/editorial/engine";
import { emptyValues, type FormValues } from "@/lib/editorial/form-values";
import { definitionByPath } from "@/lib/editorial/registry";
import { getPublicActor, parseActorQuery, searchActors, whoToContact } from "@/lib/public/actors";
import { GET as exportCsv } from "@/app/initiatives/export.csv/route";
import { GET as exportJson } from "@/app/initiatives/export.json/route";
import { GET as selectionFeed } from "@/app/initiatives/flux.xml/route";
import { GET as latestFeed } from "@/app/flux.xml/route";
import { closeCursorPool } from "@/lib/opendata/cursor";
import { renderFiche } from "@/lib/opendata/fiche-pdf";
import { getInitiativeRecord } from "@/lib/opendata/initiative-records";
import { actorJsonLd, initiativeJsonLd } from "@/lib/opendata/structured-data";
import { getPublishedInitiative } from "@/lib/public/initiatives";
import { makeUser } from "../support/accounts";
import { makeActor } from "../support/factories";

const db = createPrismaClient();
const actors = definitionByPath("acteurs") as EntityDefinition<unknown>;
const REGION = "32";
const ACSO = "200068047";
const CREIL = "60175";
const ROUBAIX = "59512";
const LILLE = "59350";
const MEL = "200093201";
const NORD = "59";

const PRIVATE_NAME = "Camille Sans-Accord";
const PUBLIC_NAME = "Dominique Avec-Accord";

const find = (params: string) => searchActors(parseActorQuery(Object.fromEntries(new URLSearchParams(params))), 100);
const slugs = async (params: string) => (await find(params)).items.map((actor) => actor.slug);

beforeAll(async () => {
  await loadDemoContent(db);
  await makeActor(db, {
    slug: "maison-du-droit-creil",
    name: "Maison de la justice et du droit de Creil",
    kind: "PUBLIC_BODY",
    place: CREIL,
    data: { phone: "03 44 00 00 00", contactName: PRIVATE_NAME, contactEmail: "camille@example.org", contactConsent: false },
  });
  await db.actor.update({
    where: { slug: "collectif-kif-kif" },
    data: { contactName: PUBLIC_NAME, contactRole: "Coordinatrice", contactEmail: "dominique@example.org", contactConsent: true },
  });
  await makeActor(db, { slug: "acteur-brouillon-creil", name: "Association en brouillon de Creil", place: CREIL, status: "DRAFT" });
});

describe("the consent rule in the data layer", () => {
  it("gives a contact person only with recorded consent, and the organisation's details always", async () => {
    const withoutConsent = await getPublicActor("maison-du-droit-creil");
    expect(withoutConsent?.contact).toMatchObject({ phone: "03 44 00 00 00", person: null });
    expect(JSON.stringify(withoutConsent)).not.toContain(PRIVATE_NAME);
    expect(JSON.stringify(withoutConsent)).not.toContain("camille@example.org");

    const withConsent = await getPublicActor("collectif-kif-kif");
    expect(withConsent?.contact.person).toEqual({ name: PUBLIC_NAME, role: "Coordinatrice", email: "dominique@example.org", phone: null });
  });

  it("gives IREV's public details from the seed and the Défenseur des droits' regional area", async () => {
    const irev = await getPublicActor("irev");
    expect(irev?.contact).toMatchObject({ phone: "06 40 34 53 36", email: "contact@irev.fr", website: "https://www.irev.fr" });
    expect(irev?.contact.address).toContain("59000 Lille");
    const ddd = await getPublicActor("defenseur-des-droits");
    expect(ddd?.contact.phone).toBe("3928");
    expect(ddd?.areas.map((t) => t.code)).toEqual([REGION]);
  });

  it("never lists an unconsented person in search results or « Qui contacter »", async () => {
    const text = JSON.stringify([await find("lieu=Creil"), await whoToContact(CREIL)]);
    expect(text).toContain("maison-du-droit-creil");
    expect(text).not.toContain(PRIVATE_NAME);
    expect(text).not.toContain("camille@example.org");
  });

  it("keeps an initiative's unconsented contact out of its page data", async () => {
    const slug = "ambassadeurs-de-l-egalite-roubaix";
    await db.initiative.update({ where: { slug }, data: { contactName: PRIVATE_NAME, contactConsent: false } });
    const page = await getPublishedInitiative(slug);
    expect(page?.contact).toBeNull();
    expect(JSON.stringify(page)).not.toContain(PRIVATE_NAME);
    await db.initiative.update({ where: { slug }, data: { contactConsent: true } });
    expect((await getPublishedInitiative(slug))?.contact?.name).toBe(PRIVATE_NAME);
    await db.initiative.update({ where: { slug }, data: { contactName: null, contactConsent: false } });
  });

  it("shows its actors' public contact on an initiative page, with consent for the person", async () => {
    const page = await getPublishedInitiative("permanences-ecoute-kif-kif");
    const actor = page?.actors.find((a) => a.actor.slug === "collectif-kif-kif")?.actor;
    expect(actor?.contact.person?.name).toBe(PUBLIC_NAME);
  });
});

describe("the consent rule in every output", () => {
  afterAll(closeCursorPool);

  it("keeps unconsented persons (of actors and initiatives) out of exports, feeds, PDF sheets and JSON-LD", async () => {
    const slug = "plan-territorial-lutte-discriminations-acso";
    await db.initiative.update({
      where: { slug },
      data: { contactName: PRIVATE_NAME, contactEmail: "camille@example.org", contactConsent: false },
    });
    await db.actor.update({ where: { slug: "agglomeration-creil-sud-oise" }, data: { contactName: PRIVATE_NAME, contactConsent: false } });
    let client = 0;
    const call = async (handler: (r: Request) => Response | Promise<Response>, path: string) =>
      (await handler(new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": `192.0.2.${++client}` } }))).text();
    const outputs = [
      await call(exportCsv, "/initiatives/export.csv"),
      await call(exportJson, "/initiatives/export.json?territoire=" + ACSO),
      await call(latestFeed, "/flux.xml"),
      await call(selectionFeed, "/initiatives/flux.xml?territoire=" + ACSO),
      (await renderFiche((await getInitiativeRecord(db, slug))!, { compress: false })).toString("latin1"),
      JSON.stringify(actorJsonLd((await getPublicActor("agglomeration-creil-sud-oise"))!)),
      JSON.stringify(initiativeJsonLd((await getPublishedInitiative(slug))!)),
    ];
    expect(outputs[1]).toContain(slug);
    for (const output of outputs) {
      expect(output).not.toContain(PRIVATE_NAME);
      expect(output).not.toContain("camille@example.org");
    }
  });

  it("puts only the organisation's public details in an actor's JSON-LD, never the consented person", async () => {
    const kifKif = actorJsonLd((await getPublicActor("collectif-kif-kif"))!);
    expect(JSON.stringify(kifKif)).not.toContain(PUBLIC_NAME);
    const irev = actorJsonLd((await getPublicActor("irev"))!);
    expect(irev).toMatchObject({
      contactPoint: { "@type": "ContactPoint", telephone: "06 40 34 53 36", email: "contact@irev.fr" },
      address: { "@type": "PostalAddress" },
      areaServed: { identifier: REGION },
    });
  });
});

describe("/acteurs filters", () => {
  it("finds by words in name, acronym or description, hyphens either way, a typo in the name", async () => {
    expect(await slugs("q=Kif-Kif")).toEqual(["collectif-kif-kif"]);
    expect(await slugs("q=acso")).toEqual(["agglomeration-creil-sud-oise"]);
    expect(await slugs("q=defensseur droits")).toContain("defenseur-des-droits");
    expect(await slugs("q=testing")).toContain("collectif-kif-kif");
    expect(await slugs("q=zzqxw")).toEqual([]);
  });

  it("brings actors inside a place and those covering it, local first, never siblings", async () => {
    const creil = await find("territoire=" + CREIL);
    const bySlug = new Map(creil.items.map((a) => [a.slug, a]));
    expect([...bySlug.keys()]).toEqual(
      expect.arrayContaining(["maison-du-droit-creil", "agglomeration-creil-sud-oise", "defenseur-des-droits", "irev"]),
    );
    expect(creil.items[0]?.slug).toBe("maison-du-droit-creil");
    expect(bySlug.get("maison-du-droit-creil")?.scale).toBeNull();
    expect(bySlug.get("agglomeration-creil-sud-oise")?.scale).toBe("à l'échelle de l'agglomération");
    expect(bySlug.get("defenseur-des-droits")?.scale).toBe("à l'échelle de la région");
    expect(creil).toMatchObject({ total: 4, local: 1 });
    expect(bySlug.has("collectif-kif-kif")).toBe(false);
    expect(bySlug.has("acteur-brouillon-creil")).toBe(false);

    const roubaix = await slugs("territoire=" + ROUBAIX);
    expect(roubaix).toContain("defenseur-des-droits");
    expect(roubaix).toContain("ambassadeurs-de-l-egalite-roubaix");
    expect(roubaix).not.toContain("agglomeration-creil-sud-oise");
    expect(roubaix).not.toContain("collectif-kif-kif"); // Lille is Roubaix's sibling in the MEL
  });

  it("applies portee: local only, covering only", async () => {
    expect(await slugs(`territoire=${CREIL}&portee=local`)).toEqual(["maison-du-droit-creil"]);
    expect((await slugs(`territoire=${CREIL}&portee=couvrant`)).sort()).toEqual([
      "agglomeration-creil-sud-oise",
      "defenseur-des-droits",
      "irev",
    ]);
    expect((await slugs(`territoire=${ACSO}&portee=local`)).sort()).toEqual(["agglomeration-creil-sud-oise", "maison-du-droit-creil"]);
    expect((await slugs(`territoire=${NORD}&portee=local`)).sort()).toEqual(["ambassadeurs-de-l-egalite-roubaix", "collectif-kif-kif"]);
    expect((await slugs(`territoire=${MEL}`)).sort()).toEqual([
      "ambassadeurs-de-l-egalite-roubaix",
      "collectif-kif-kif",
      "defenseur-des-droits",
      "irev",
    ]);
    expect(await slugs(`territoire=${REGION}&portee=couvrant`)).toEqual([]);
    expect(await slugs(`territoire=${LILLE}&portee=local`)).toEqual(["collectif-kif-kif"]);
  });

  it("resolves a typed place, filters by kind and by approach", async () => {
    const typed = await find("lieu=Creil&type=collectivite");
    expect(typed.place?.code).toBe(CREIL);
    expect(typed.items.map((a) => a.slug)).toEqual(["agglomeration-creil-sud-oise"]);
    const approach = (
      await db.approach.findFirstOrThrow({
        where: { initiatives: { some: { initiative: { actors: { some: { actor: { slug: "collectif-kif-kif" } } } } } } },
      })
    ).slug;
    expect(await slugs(`approche=${approach}`)).toContain("collectif-kif-kif");
    expect(await slugs("approche=approche-inconnue")).toEqual([]);
  });

  it("answers hostile values with an empty or unfiltered list, never an error", async () => {
    for (const params of [
      "q=%00%01",
      "lieu=%00Creil",
      "lieu=%ff%fe",
      `q=${"a".repeat(10_000)}`,
      "territoire=99999",
      "territoire=%00",
      "portee=partout",
      "type=inconnu",
      "page=-3",
      `lieu=${"é".repeat(10_000)}`,
    ]) {
      const result = await find(params);
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect(await find("territoire=99999")).toMatchObject({ total: 0, placeNotFound: true });
    expect((await find("portee=partout&type=inconnu")).total).toBe(6);
  });

  // The order is pg_trgm's similarity of the name to the words, computed from the trigrams a
  // trigger stores (migration actor_name_trigrams): checked against similarity() itself.
  it("ranks by the similarity of the name to the words, as pg_trgm computes it, page after page", async () => {
    const names = [
      "Droits",
      "Maison des droits",
      "Défenseur des droits de Creil",
      "Les droits des femmes et des familles",
      "Droit au logement",
    ];
    const created = await Promise.all(names.map((name, index) => makeActor(db, { slug: `rang-droits-${index}`, name })));
    const order = async (words: string, ids: number[]) =>
      (
        await db.$queryRaw<{ id: number }[]>`SELECT id FROM "Actor" WHERE id = ANY(${ids}::int[])
          ORDER BY similarity("nameText", ${words}) DESC, name, id`
      ).map((row) => row.id);
    try {
      for (const words of ["droits", "droit", "des droits"]) {
        const all = (await find(`q=${words}`)).items.map((actor) => actor.id);
        expect(all.length).toBeGreaterThan(2);
        expect(all).toEqual(await order(words, all));
        const pages = [];
        for (let page = 1; page <= Math.ceil(all.length / 2); page++) {
          pages.push(...(await searchActors(parseActorQuery({ q: words, page: String(page) }), 2)).items.map((actor) => actor.id));
        }
        expect(pages).toEqual(all);
      }
      // A renamed actor is ranked by its new name.
      await db.actor.update({ where: { id: created[0]!.id }, data: { name: "Collectif Zèbre" } });
      const [row] = await db.$queryRaw<{ same: boolean; equal: boolean }[]>`
        SELECT "nameTrigrams" = reperes_trigram_ids("nameText") AS same,
          similarity("nameText", 'zebre') = reperes_trigram_similarity("nameTrigrams", reperes_trigram_ids('zebre')) AS equal
        FROM "Actor" WHERE id = ${created[0]!.id}`;
      expect(row).toEqual({ same: true, equal: true });
      expect(await slugs("q=zebre")).toEqual(["rang-droits-0"]);
    } finally {
      await db.actor.deleteMany({ where: { id: { in: created.map((actor) => actor.id) } } });
    }
  });
});

describe("« Qui contacter »", () => {
  it("lists actors of and above the place with their scale and approaches, local ones first", async () => {
    const roubaix = (await whoToContact(ROUBAIX))!;
    expect(roubaix.items[0]).toMatchObject({ slug: "ambassadeurs-de-l-egalite-roubaix", scale: null });
    const ddd = roubaix.items.find((a) => a.slug === "defenseur-des-droits");
    expect(ddd?.scale).toBe("à l'échelle de la région");
    expect(ddd?.approaches.length).toBeGreaterThan(0);
    expect(roubaix).toMatchObject({ total: 3, local: 1 });
    expect((await whoToContact(ROUBAIX, "couvrant"))?.items.map((a) => a.slug).sort()).toEqual(["defenseur-des-droits", "irev"]);
    expect(await whoToContact("99999")).toBeNull();
  });
});

describe("editing an actor's contact in the back office", () => {
  const form = (values: Partial<FormValues>): FormValues => ({
    ...emptyValues(actors.fields),
    name: "Point d'accès au droit de Montataire",
    kind: "PUBLIC_BODY",
    ...values,
  });

  it("refuses bad values with French messages", async () => {
    const editor = await makeUser(db, "EDITOR");
    const outcome = await saveRecord(db, actors, editor, {
      values: form({
        phone: "appelez-nous",
        email: "pas-une-adresse",
        contactEmail: "x@",
        website: "javascript:alert(1)",
        address: "x".repeat(301),
        areas: ["<script>"],
      }),
    });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    expect(outcome.fieldErrors.phone?.[0]).toContain("chiffres");
    expect(outcome.fieldErrors.email?.[0]).toContain("n'est pas une adresse e-mail valide");
    expect(outcome.fieldErrors.contactEmail?.[0]).toContain("n'est pas une adresse e-mail valide");
    expect(outcome.fieldErrors.website?.[0]).toContain("https://");
    expect(outcome.fieldErrors.address?.[0]).toContain("300 caractères");
    expect(outcome.fieldErrors.areas?.[0]).toBe("Territoire invalide.");
  });

  it("records when and by whom consent was given, and clears it when withdrawn", async () => {
    const editor = await makeUser(db, "EDITOR");
    const saved = await saveRecord(db, actors, editor, {
      values: form({ contactName: "Sacha Témoin", contactConsent: true, areas: [ACSO], phone: "+33 3 44 00 00 01" }),
    });
    if (saved.kind !== "saved") throw new Error(JSON.stringify(saved));
    const row = await db.actor.findUniqueOrThrow({ where: { id: saved.id }, include: { areas: true } });
    expect(row.contactConsentById).toBe(editor.id);
    expect(row.contactConsentAt).toBeInstanceOf(Date);
    expect(row.areas.map((a) => a.territoryCode)).toEqual([ACSO]);
    expect((await actors.facts!(db, saved.id))[0]?.value).toMatch(/^enregistré le \d{1,2} \p{L}+ \d{4} par EDITOR \d+$/u);

    const values = (await actors.values(db, saved.id))!;
    expect((await saveRecord(db, actors, editor, { id: saved.id, version: 1, values: { ...values, contactConsent: false } })).kind).toBe(
      "saved",
    );
    expect(await db.actor.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({
      contactConsent: false,
      contactConsentAt: null,
      contactConsentById: null,
    });
    expect((await actors.facts!(db, saved.id))[0]?.value).toBe("aucun : la personne à contacter n'est pas affichée");
  });

  it("lets no contributor edit someone else's actor", async () => {
    const [owner, other] = await Promise.all([makeUser(db, "CONTRIBUTOR"), makeUser(db, "CONTRIBUTOR")]);
    const saved = await saveRecord(db, actors, owner, { values: form({ name: "Acteur d'une contributrice" }) });
    if (saved.kind !== "saved") throw new Error(JSON.stringify(saved));
    const values = (await actors.values(db, saved.id))!;
    await expect(
      saveRecord(db, actors, other, { id: saved.id, version: 1, values: { ...values, contactName: "Intrus", contactConsent: true } }),
    ).rejects.toBeInstanceOf(AccessDenied);
  });
});
