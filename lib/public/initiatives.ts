import "server-only";
import { prisma } from "@/lib/db/client";
import { publicWhere } from "./visibility";

export const PAGE_SIZE = 20;

const listSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  startYear: true,
  endYear: true,
  ongoing: true,
  publishedAt: true,
  territories: { select: { territory: { select: { code: true, name: true, kind: true } } } },
  approaches: { select: { approach: { select: { slug: true, label: true } } } },
} as const;

export async function listPublishedInitiatives(page = 1) {
  const [items, total] = await Promise.all([
    prisma.initiative.findMany({
      where: publicWhere,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: listSelect,
    }),
    prisma.initiative.count({ where: publicWhere }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export type InitiativeListItem = Awaited<ReturnType<typeof listPublishedInitiatives>>["items"][number];

export async function getPublishedInitiative(slug: string) {
  return prisma.initiative.findFirst({
    where: { slug, ...publicWhere },
    include: {
      actors: {
        where: { actor: publicWhere },
        include: { actor: { select: { slug: true, name: true, kind: true } } },
        orderBy: { role: "asc" },
      },
      territories: { include: { territory: { select: { code: true, name: true, kind: true } } } },
      approaches: { where: { approach: { deletedAt: null } }, include: { approach: true } },
      themes: { where: { theme: { deletedAt: null } }, include: { theme: true } },
      criteria: { where: { criterion: { deletedAt: null } }, include: { criterion: true } },
      domains: { where: { domain: { deletedAt: null } }, include: { domain: true } },
      publics: { where: { public: { deletedAt: null } }, include: { public: true } },
      sources: { where: { source: publicWhere }, include: { source: true } },
      lessons: {
        where: { lesson: publicWhere },
        include: { lesson: { include: { source: { select: { title: true, slug: true, date: true, kind: true, url: true } } } } },
      },
    },
  });
}

export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof getPublishedInitiative>>>;

export async function getKeyFigures() {
  const [initiatives, actors, lessons, territories] = await Promise.all([
    prisma.initiative.count({ where: publicWhere }),
    prisma.actor.count({ where: publicWhere }),
    prisma.lesson.count({ where: publicWhere }),
    prisma.initiativeTerritory.findMany({
      where: { initiative: publicWhere },
      distinct: ["territoryCode"],
      select: { territoryCode: true },
    }),
  ]);
  return { initiatives, actors, lessons, territories: territories.length };
}
