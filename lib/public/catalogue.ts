import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { emptyQuery } from "@/lib/search/query";
import { countByFacetValue } from "@/lib/search/facet-counts";
import { territoryChildrenSql } from "@/lib/search/territory-display";
import { publicWhere, publicSql } from "./visibility";

/** Public initiatives per value of a vocabulary (bit counts of the search bitmaps). */
function publicCounts(facet: "approche" | "theme", slugs: string[]) {
  return countByFacetValue(prisma, emptyQuery, facet, slugs);
}

export async function listApproaches() {
  const approaches = await prisma.approach.findMany({ where: { deletedAt: null }, orderBy: [{ position: "asc" }, { label: "asc" }] });
  const counts = await publicCounts(
    "approche",
    approaches.map((a) => a.slug),
  );
  return approaches.map((a) => ({ ...a, initiativeCount: counts.get(a.slug) ?? 0 }));
}

export function getApproach(slug: string) {
  return prisma.approach.findFirst({
    where: { slug, deletedAt: null },
    include: {
      lessons: {
        where: { lesson: publicWhere },
        include: { lesson: { select: { slug: true, title: true, evidenceLevel: true } } },
        orderBy: { lesson: { title: "asc" } },
      },
    },
  });
}

export async function listThemes() {
  const themes = await prisma.theme.findMany({ where: { deletedAt: null }, orderBy: [{ position: "asc" }, { label: "asc" }] });
  const counts = await publicCounts(
    "theme",
    themes.map((t) => t.slug),
  );
  return themes.map((t) => ({ ...t, initiativeCount: counts.get(t.slug) ?? 0 }));
}

export function getTheme(slug: string) {
  return prisma.theme.findFirst({
    where: { slug, deletedAt: null },
    include: {
      parent: { select: { slug: true, label: true, deletedAt: true } },
      children: { where: { deletedAt: null }, select: { slug: true, label: true }, orderBy: { position: "asc" } },
      lessons: {
        where: { lesson: publicWhere },
        include: { lesson: { select: { slug: true, title: true, evidenceLevel: true } } },
        orderBy: { lesson: { title: "asc" } },
      },
    },
  });
}

export async function getTerritory(code: string) {
  const territory = await prisma.territory.findUnique({
    where: { code },
    include: {
      parents: { include: { parent: { select: { code: true, name: true, kind: true } } }, orderBy: { parent: { kind: "asc" } } },
    },
  });
  if (!territory) return null;
  const childRows = await prisma.$queryRaw<{ code: string; name: string; kind: string }[]>(Prisma.sql`
    SELECT t.code, t.name, t.kind FROM "Territory" t WHERE t.code IN (${territoryChildrenSql([code])}) ORDER BY t.kind, t.name`);
  // « Territoires inclus »: what lies inside each one, not what covers it from here.
  const counts = await countByFacetValue(
    prisma,
    { ...emptyQuery, portee: "local" },
    "territoire",
    childRows.map((c) => c.code),
  );
  const children = childRows.map((c) => ({ ...c, initiativeCount: counts.get(c.code) ?? 0 }));
  return { ...territory, parents: territory.parents.map((p) => p.parent), children };
}

/**
 * Approaches to suggest beside one: those used together with it on public initiatives or
 * lessons, most often first; when it is used nowhere yet, the approaches with the most public
 * initiatives, so that its page still leads to something that exists.
 */
export async function relatedApproaches(approachId: number, limit = 5) {
  const together = await prisma.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT other.id FROM (
      SELECT b."approachId" AS id FROM "InitiativeApproach" a
        JOIN "InitiativeApproach" b ON b."initiativeId" = a."initiativeId" AND b."approachId" <> a."approachId"
        JOIN "Initiative" i ON i.id = a."initiativeId" AND ${publicSql("i")}
        WHERE a."approachId" = ${approachId}
      UNION ALL
      SELECT b."approachId" FROM "LessonApproach" a
        JOIN "LessonApproach" b ON b."lessonId" = a."lessonId" AND b."approachId" <> a."approachId"
        JOIN "Lesson" l ON l.id = a."lessonId" AND ${publicSql("l")}
        WHERE a."approachId" = ${approachId}
    ) co JOIN "Approach" other ON other.id = co.id AND other."deletedAt" IS NULL
    GROUP BY other.id, other.position ORDER BY count(*) DESC, other.position LIMIT ${limit}`);
  const all = await listApproaches();
  if (together.length > 0) return { usedTogether: true, approaches: together.flatMap(({ id }) => all.filter((a) => a.id === id)) };
  const mostUsed = all
    .filter((a) => a.id !== approachId && a.initiativeCount > 0)
    .sort((a, b) => b.initiativeCount - a.initiativeCount)
    .slice(0, limit);
  return { usedTogether: false, approaches: mostUsed };
}

/** Public lessons of some approaches, each once, for an approach that has none of its own. */
export async function lessonsOfApproaches(approachIds: number[], limit = 5) {
  const rows = await prisma.lessonApproach.findMany({
    where: { approachId: { in: approachIds }, lesson: publicWhere },
    include: { lesson: { select: { slug: true, title: true, evidenceLevel: true } } },
    orderBy: { lesson: { title: "asc" } },
  });
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.lesson.slug) && seen.add(row.lesson.slug)).slice(0, limit);
}
