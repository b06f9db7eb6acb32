import "server-only";
import type { MetadataRoute } from "next";
import { prisma } from "@/lib/db/client";
import { publicWhere } from "@/lib/public/visibility";
import { absoluteUrl } from "./site";

/** The protocol's limit for one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;

const staticPaths = [
  "/",
  "/initiatives",
  "/acteurs",
  "/themes",
  "/approches",
  "/enseignements",
  "/api",
  "/accessibilite",
  "/mentions-legales",
  "/donnees-personnelles",
];

/**
 * Every published page: the fixed pages, the vocabularies, then actors, lessons and
 * initiatives, most recently changed first, within one file's limit (a sitemap index will be
 * needed past 50,000 published pages).
 */
export async function sitemapEntries(): Promise<MetadataRoute.Sitemap> {
  const entries: MetadataRoute.Sitemap = staticPaths.map((path) => ({ url: absoluteUrl(path) }));
  const [themes, approaches, actors, lessons] = await Promise.all([
    prisma.theme.findMany({ where: { deletedAt: null }, select: { slug: true, updatedAt: true } }),
    prisma.approach.findMany({ where: { deletedAt: null }, select: { slug: true, updatedAt: true } }),
    prisma.actor.findMany({ where: publicWhere, select: { slug: true, updatedAt: true }, orderBy: { updatedAt: "desc" } }),
    prisma.lesson.findMany({ where: publicWhere, select: { slug: true, updatedAt: true }, orderBy: { updatedAt: "desc" } }),
  ]);
  const add = (prefix: string, rows: { slug: string; updatedAt: Date }[]) => {
    for (const row of rows) entries.push({ url: absoluteUrl(`${prefix}/${row.slug}`), lastModified: row.updatedAt });
  };
  add("/themes", themes);
  add("/approches", approaches);
  add("/acteurs", actors);
  add("/enseignements", lessons);
  const room = Math.max(0, SITEMAP_MAX_URLS - entries.length);
  const initiatives = await prisma.initiative.findMany({
    where: publicWhere,
    select: { slug: true, updatedAt: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: room,
  });
  add("/initiatives", initiatives);
  return entries;
}
