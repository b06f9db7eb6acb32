import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { byVocabulary, VOCABULARIES, type VocabularyFacet } from "@/lib/vocabularies/registry";
import { vocabularyLinksCreate } from "@/lib/vocabularies/links";
import { vocabularyEntriesSql } from "@/lib/vocabularies/sql";
import { actors, initiatives, lessons, sources } from "./content";

function idBySlug<T extends { id: number; slug: string }>(rows: T[], kind: string) {
  const map = new Map(rows.map((row) => [row.slug, row.id]));
  return (slug: string) => {
    const id = map.get(slug);
    if (id === undefined) throw new Error(`Contenu de démonstration : ${kind} « ${slug} » introuvable.`);
    return id;
  };
}

/**
 * Loads the first content (IREV's synthesis of 12 December 2023) into a database that has the
 * reference data but no initiative yet. Returns false, touching nothing, when content exists.
 */
export async function loadDemoContent(db: Database): Promise<boolean> {
  if ((await db.initiative.count()) > 0) return false;

  await db.$transaction(
    async (tx) => {
      const publishedAt = new Date();
      const entries = await tx.$queryRaw<{ facet: VocabularyFacet; id: number; value: string }[]>(
        vocabularyEntriesSql(VOCABULARIES, () => Prisma.sql`true`),
      );
      const idOf = byVocabulary("facet", (v) =>
        idBySlug(
          entries.filter((e) => e.facet === v.facet).map((e) => ({ id: e.id, slug: e.value })),
          v.label.toLowerCase(),
        ),
      );

      const actorIds = new Map<string, number>();
      for (const actor of actors) {
        const created = await tx.actor.create({
          data: {
            slug: actor.slug,
            name: actor.name,
            acronym: actor.acronym,
            kind: actor.kind,
            description: actor.description,
            website: actor.website,
            territoryCode: actor.territory,
            address: actor.address,
            phone: actor.phone,
            email: actor.email,
            areas: { create: (actor.areas ?? []).map((territoryCode) => ({ territoryCode })) },
            status: "PUBLISHED",
            publishedAt,
          },
        });
        actorIds.set(actor.slug, created.id);
      }
      const actorId = idBySlug(
        [...actorIds].map(([slug, id]) => ({ slug, id })),
        "acteur",
      );

      const sourceIds = new Map<string, number>();
      for (const source of sources) {
        const created = await tx.source.create({
          data: {
            slug: source.slug,
            kind: source.kind,
            title: source.title,
            description: source.description,
            date: new Date(`${source.date}T00:00:00Z`),
            url: source.url,
            eventId: source.event ? sourceIds.get(source.event) : undefined,
            status: "PUBLISHED",
            publishedAt,
          },
        });
        sourceIds.set(source.slug, created.id);
      }
      const sourceId = idBySlug(
        [...sourceIds].map(([slug, id]) => ({ slug, id })),
        "source",
      );

      const initiativeIds = new Map<string, number>();
      for (const item of initiatives) {
        const created = await tx.initiative.create({
          data: {
            slug: item.slug,
            title: item.title,
            summary: item.summary,
            description: item.description,
            objectives: item.objectives ?? "",
            means: item.means ?? "",
            results: item.results ?? "",
            website: item.website,
            startYear: item.startYear,
            endYear: item.endYear,
            ongoing: item.ongoing,
            status: "PUBLISHED",
            publishedAt,
            actors: { create: item.actors.map((a) => ({ actorId: actorId(a.actor), role: a.role })) },
            territories: { create: item.territories.map((territoryCode) => ({ territoryCode })) },
            ...vocabularyLinksCreate(byVocabulary("relation", (v) => (item[v.relation] ?? []).map(idOf[v.facet]))),
            sources: { create: item.sources.map((slug) => ({ sourceId: sourceId(slug) })) },
          },
        });
        initiativeIds.set(item.slug, created.id);
      }
      const initiativeId = idBySlug(
        [...initiativeIds].map(([slug, id]) => ({ slug, id })),
        "initiative",
      );

      for (const lesson of lessons) {
        await tx.lesson.create({
          data: {
            slug: lesson.slug,
            title: lesson.title,
            body: lesson.body,
            evidenceLevel: lesson.evidenceLevel,
            sourceId: sourceId(lesson.source),
            status: "PUBLISHED",
            publishedAt,
            initiatives: { create: lesson.initiatives.map((slug) => ({ initiativeId: initiativeId(slug) })) },
            themes: { create: lesson.themes.map((slug) => ({ themeId: idOf.theme(slug) })) },
            approaches: { create: lesson.approaches.map((slug) => ({ approachId: idOf.approche(slug) })) },
          },
        });
      }
    },
    { timeout: 60_000 },
  );
  return true;
}
