import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { emptyQuery } from "@/lib/search/query";
import { countByFacetValue, territoryChildrenSql } from "@/lib/search/service";
import { publicWhere } from "./visibility";

/** Public initiatives per value of a vocabulary (bit counts of the search bitmaps). */
function publicCounts(facet: "approche" | "theme", slugs: string[]) {
  return countByFacetValue(prisma, emptyQuery, facet, slugs);
}

export async function listApproaches() {
  const approaches = await prisma.approach.findMany({ where: { deletedAt: null }, orderBy: [{ position: "asc" }, { label: "asc" }] });
  const counts = await publicCounts("approche", approaches.map((a) => a.slug));
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
  const counts = await publicCounts("theme", themes.map((t) => t.slug));
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

export async function listActors() {
  return prisma.actor.findMany({
    where: publicWhere,
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      acronym: true,
      kind: true,
      territory: { select: { code: true, name: true } },
      _count: { select: { initiatives: { where: { initiative: publicWhere } } } },
    },
  });
}

export function getActor(slug: string) {
  return prisma.actor.findFirst({
    where: { slug, ...publicWhere },
    include: {
      territory: { select: { code: true, name: true, kind: true } },
      initiatives: {
        where: { initiative: publicWhere },
        orderBy: { initiative: { title: "asc" } },
        include: { initiative: { select: { slug: true, title: true, summary: true } } },
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
  const counts = await countByFacetValue(prisma, { ...emptyQuery, portee: "local" }, "territoire", childRows.map((c) => c.code));
  const children = childRows.map((c) => ({ ...c, initiativeCount: counts.get(c.code) ?? 0 }));
  return { ...territory, parents: territory.parents.map((p) => p.parent), children };
}
