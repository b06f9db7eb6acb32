import "server-only";
import { Feed } from "feed";
import { prisma } from "@/lib/db/client";
import { publicWhere } from "@/lib/public/visibility";
import { hasFilters, type SearchQuery, toSearchParams } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import { absoluteUrl, LICENCE, PUBLISHER, SITE_NAME } from "./site";

const FEED_SIZE = 50;

interface Entry {
  title: string;
  path: string;
  summary: string;
  date: Date;
  category: string;
}

/** The library marks titles and summaries as HTML: plain text must reach readers as text. */
const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function atom(options: { title: string; path: string; alternate: string; entries: Entry[] }): string {
  const feed = new Feed({
    id: absoluteUrl(options.path),
    title: options.title,
    link: absoluteUrl(options.alternate),
    language: "fr",
    updated: options.entries[0]?.date ?? new Date(0),
    generator: SITE_NAME,
    author: { name: PUBLISHER, link: "https://www.irev.fr" },
    copyright: `${LICENCE.shortName} – ${LICENCE.url}`,
    feedLinks: { atom: absoluteUrl(options.path) },
  });
  for (const entry of options.entries) {
    feed.addItem({
      id: absoluteUrl(entry.path),
      title: html(entry.title),
      link: absoluteUrl(entry.path),
      description: html(entry.summary),
      date: entry.date,
      published: entry.date,
      category: [{ name: entry.category, term: entry.category }],
    });
  }
  return feed.atom1();
}

/** /flux.xml: the latest published initiatives and lessons, newest first. */
export async function latestPublicationsFeed(): Promise<string> {
  const [initiatives, lessons] = await Promise.all([
    prisma.initiative.findMany({
      where: publicWhere,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: FEED_SIZE,
      select: { slug: true, title: true, summary: true, publishedAt: true, updatedAt: true },
    }),
    prisma.lesson.findMany({
      where: publicWhere,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: FEED_SIZE,
      select: { slug: true, title: true, body: true, publishedAt: true, updatedAt: true },
    }),
  ]);
  const entries: Entry[] = [
    ...initiatives.map((i) => ({
      title: i.title,
      path: `/initiatives/${i.slug}`,
      summary: i.summary,
      date: i.publishedAt ?? i.updatedAt,
      category: "Initiative",
    })),
    ...lessons.map((l) => ({
      title: l.title,
      path: `/enseignements/${l.slug}`,
      summary: l.body.length > 400 ? `${l.body.slice(0, 400)}…` : l.body,
      date: l.publishedAt ?? l.updatedAt,
      category: "Enseignement",
    })),
  ]
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, FEED_SIZE);
  return atom({ title: `${SITE_NAME} – nouvelles initiatives et nouveaux enseignements`, path: "/flux.xml", alternate: "/", entries });
}

/** /initiatives/flux.xml?…: the latest published initiatives of a selection (the page's parameters). */
export async function selectionFeed(query: SearchQuery): Promise<string> {
  const recent: SearchQuery = { ...query, tri: "recent", page: 1 };
  const result = await searchInitiatives(prisma, recent, { pageSize: FEED_SIZE, facets: false });
  const params = toSearchParams({ ...query, page: 1, tri: "pertinence" }).toString();
  const suffix = params ? `?${params}` : "";
  return atom({
    title: hasFilters(query) ? `${SITE_NAME} – initiatives de votre sélection` : `${SITE_NAME} – initiatives`,
    path: `/initiatives/flux.xml${suffix}`,
    alternate: `/initiatives${suffix}`,
    entries: result.items.map((hit) => ({
      title: hit.title,
      path: `/initiatives/${hit.slug}`,
      // A covering entry says so: a feed reader sees no page around it.
      summary: hit.scale ? `${hit.scale.charAt(0).toUpperCase()}${hit.scale.slice(1)} : ${hit.summary}` : hit.summary,
      date: hit.publishedAt ?? new Date(0),
      category: "Initiative",
    })),
  });
}
