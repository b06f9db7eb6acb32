import "server-only";
import type { InitiativeRecord } from "@/lib/api/schemas";
import { prisma } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";
import { getInitiativeRecords } from "@/lib/opendata/initiative-records";
import { absoluteUrl } from "@/lib/opendata/site";
import { ifPublic, publicWhere } from "@/lib/public/visibility";
import type { NotedEntry } from "./keys";

/** A lesson as a dossier shows and exports it: its text, its public source, its public initiatives. */
export type LessonSheet = {
  slug: string;
  title: string;
  url: string;
  body: string;
  evidenceLevel: InitiativeRecord["lessons"][number]["evidenceLevel"];
  source: { title: string; url: string | null; date: Date | null; kind: "EVENT" | "DOCUMENT" } | null;
  initiatives: { title: string; url: string }[];
  publishedAt: string | null;
  updatedAt: string;
};

/** One entry of a dossier, in the dossier's order; `null` record: unknown or not public (« fiche indisponible »). */
export type DossierItem =
  (NotedEntry & { kind: "initiative"; record: InitiativeRecord | null }) | (NotedEntry & { kind: "lesson"; record: LessonSheet | null });

async function lessonSheets(db: Database, slugs: string[]): Promise<LessonSheet[]> {
  if (!slugs.length) return [];
  const lessons = await db.lesson.findMany({
    where: { slug: { in: slugs }, ...publicWhere },
    select: {
      slug: true,
      title: true,
      body: true,
      evidenceLevel: true,
      publishedAt: true,
      updatedAt: true,
      source: { select: { title: true, url: true, date: true, kind: true, status: true, deletedAt: true } },
      initiatives: {
        where: { initiative: publicWhere },
        select: { initiative: { select: { slug: true, title: true } } },
        orderBy: { initiative: { title: "asc" } },
      },
    },
  });
  return lessons.map(({ source, initiatives, publishedAt, updatedAt, ...lesson }) => {
    const shown = ifPublic(source);
    return {
      ...lesson,
      url: absoluteUrl(`/enseignements/${lesson.slug}`),
      source: shown && { title: shown.title, url: shown.url, date: shown.date, kind: shown.kind },
      initiatives: initiatives.map(({ initiative }) => ({ title: initiative.title, url: absoluteUrl(`/initiatives/${initiative.slug}`) })),
      publishedAt: publishedAt?.toISOString() ?? null,
      updatedAt: updatedAt.toISOString(),
    };
  });
}

/** The entries of a dossier with what the public may read of each, in the dossier's order. */
export async function readDossier(db: Database, entries: NotedEntry[]): Promise<DossierItem[]> {
  const slugsOf = (kind: NotedEntry["kind"]) => entries.filter((entry) => entry.kind === kind).map((entry) => entry.slug);
  const [initiatives, lessons] = await Promise.all([getInitiativeRecords(db, slugsOf("initiative")), lessonSheets(db, slugsOf("lesson"))]);
  const initiativeBySlug = new Map(initiatives.map((record) => [record.slug, record]));
  const lessonBySlug = new Map(lessons.map((sheet) => [sheet.slug, sheet]));
  return entries.map((entry): DossierItem =>
    entry.kind === "initiative"
      ? { ...entry, kind: "initiative", record: initiativeBySlug.get(entry.slug) ?? null }
      : { ...entry, kind: "lesson", record: lessonBySlug.get(entry.slug) ?? null },
  );
}

export const itemTitle = (item: DossierItem) => item.record?.title ?? "Fiche indisponible";

/** What /dossier lists: the query's entries, read with the shared client. */
export function publicDossier(entries: NotedEntry[]): Promise<DossierItem[]> {
  return readDossier(prisma, entries);
}
