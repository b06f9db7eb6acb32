import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { getPublishedInitiative } from "@/lib/public/initiatives";
import { getPublicLesson, latestLessons } from "@/lib/public/lessons";
import { makeInitiative, makeLesson, makeSource } from "../support/factories";

const db = createPrismaClient();
const INITIATIVE = "ambassadeurs-de-l-egalite-roubaix";

beforeAll(async () => {
  const initiative = await makeInitiative(db, { slug: INITIATIVE, title: "Les ambassadeurs de l'égalité", places: ["59512"] });
  // Beside it, a lesson whose source is published.
  const synthesis = await makeSource(db, { slug: "synthese", title: "Synthèse de la journée de qualification" });
  await makeLesson(db, { slug: "pairs-retablir-la-confiance", sourceId: synthesis.id, initiatives: [initiative.id] });
  const draftSource = await makeSource(db, { slug: "note-interne-brouillon", title: "Note interne non publiée", status: "DRAFT" });
  await makeLesson(db, {
    slug: "enseignement-source-brouillon",
    title: "Un enseignement publié dont la source ne l'est pas",
    body: "Texte.",
    publishedAt: new Date(Date.now() + 60_000),
    sourceId: draftSource.id,
    initiatives: [initiative.id],
  });
});

describe("a published lesson whose source is a draft", () => {
  it("shows on the initiative page without its source", async () => {
    const initiative = await getPublishedInitiative(INITIATIVE);
    const link = initiative?.lessons.find((l) => l.lesson.slug === "enseignement-source-brouillon");
    expect(link).toBeDefined();
    expect(link?.lesson.source).toBeNull();
    const published = initiative?.lessons.find((l) => l.lesson.slug === "pairs-retablir-la-confiance");
    expect(published?.lesson.source?.title).toMatch(/^Synthèse/);
  });

  it("shows on its own page and in the latest lessons without its source", async () => {
    expect((await getPublicLesson("enseignement-source-brouillon"))?.source).toBeNull();
    const [latest] = await latestLessons(1);
    expect(latest).toMatchObject({ slug: "enseignement-source-brouillon", source: null });
  });
});
