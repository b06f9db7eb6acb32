import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { publicWhere, withPublicSources } from "./visibility";

export const LESSON_PAGE_SIZE = 20;

export const evidenceParams = {
  temoignage: "TESTIMONY",
  "retour-experience": "PRACTICE_FEEDBACK",
  "evaluation-interne": "INTERNALLY_EVALUATED",
  "evaluation-externe": "EXTERNALLY_EVALUATED",
} as const;
type EvidenceParam = keyof typeof evidenceParams;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** URL state of /enseignements; like the initiative search, bad values are dropped, never a 500. */
const lessonQuerySchema = z.object({
  q: z.preprocess(first, z.string().transform((v) => v.replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH).trim())).catch(""),
  theme: z.preprocess(first, slug.optional()).catch(undefined),
  approche: z.preprocess(first, slug.optional()).catch(undefined),
  source: z.preprocess(first, slug.optional()).catch(undefined),
  niveau: z.preprocess(first, z.enum(Object.keys(evidenceParams) as [EvidenceParam, ...EvidenceParam[]]).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000)).catch(1),
});
export type LessonQuery = z.infer<typeof lessonQuerySchema>;

export function parseLessonQuery(raw: Record<string, string | string[] | undefined>): LessonQuery {
  return lessonQuerySchema.parse(raw);
}

export function lessonQueryString(query: LessonQuery, page = query.page): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of ["theme", "approche", "source", "niveau"] as const) if (query[key]) params.set(key, query[key]!);
  if (page > 1) params.set("page", String(page));
  return params.toString();
}

/** Public lessons matching the filters, by relevance when searched, else latest first. */
export async function searchLessons(query: LessonQuery) {
  const conditions: Prisma.Sql[] = [Prisma.sql`l.status = 'PUBLISHED' AND l."deletedAt" IS NULL`];
  const tsq = Prisma.sql`websearch_to_tsquery('french_unaccent', ${query.q})`;
  if (query.q) conditions.push(Prisma.sql`l."searchVector" @@ ${tsq}`);
  if (query.theme)
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "LessonTheme" x JOIN "Theme" t ON t.id = x."themeId"
      WHERE x."lessonId" = l.id AND (t.slug = ${query.theme} OR t."parentId" = (SELECT id FROM "Theme" WHERE slug = ${query.theme})))`);
  if (query.approche)
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "LessonApproach" x JOIN "Approach" a ON a.id = x."approachId"
      WHERE x."lessonId" = l.id AND a.slug = ${query.approche})`);
  if (query.source)
    conditions.push(Prisma.sql`l."sourceId" IN (SELECT s.id FROM "Source" s WHERE s.slug = ${query.source}
      OR s."eventId" = (SELECT id FROM "Source" WHERE slug = ${query.source}))`);
  if (query.niveau) conditions.push(Prisma.sql`l."evidenceLevel" = ${evidenceParams[query.niveau]}::"EvidenceLevel"`);
  const where = Prisma.join(conditions, " AND ");
  const order = query.q
    ? Prisma.sql`ts_rank(l."searchVector", ${tsq}) DESC, l."publishedAt" DESC NULLS LAST, l.id`
    : Prisma.sql`l."publishedAt" DESC NULLS LAST, l.id`;
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<{ id: number }[]>(Prisma.sql`SELECT l.id FROM "Lesson" l WHERE ${where} ORDER BY ${order}
      LIMIT ${LESSON_PAGE_SIZE} OFFSET ${(query.page - 1) * LESSON_PAGE_SIZE}`),
    prisma.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM "Lesson" l WHERE ${where}`),
  ]);
  const lessons = await prisma.lesson.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    include: { source: { select: { slug: true, title: true, date: true, kind: true, status: true, deletedAt: true } } },
  });
  const byId = new Map(withPublicSources(lessons).map((l) => [l.id, l]));
  const items = rows.map((r) => byId.get(r.id)).filter((l) => l !== undefined);
  const total = count?.total ?? 0;
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / LESSON_PAGE_SIZE)) };
}

/** Filter choices of /enseignements: vocabularies and the public sources that have lessons. */
export async function lessonFilterChoices() {
  const [themes, approaches, sources] = await Promise.all([
    prisma.theme.findMany({ where: { deletedAt: null }, orderBy: [{ position: "asc" }, { label: "asc" }], select: { slug: true, label: true } }),
    prisma.approach.findMany({ where: { deletedAt: null }, orderBy: [{ position: "asc" }, { label: "asc" }], select: { slug: true, label: true } }),
    prisma.source.findMany({
      where: { ...publicWhere, OR: [{ lessons: { some: publicWhere } }, { documents: { some: { ...publicWhere, lessons: { some: publicWhere } } } }] },
      orderBy: { title: "asc" },
      select: { slug: true, title: true },
    }),
  ]);
  return { themes, approaches, sources };
}

export async function getPublicLesson(slug: string) {
  const lesson = await prisma.lesson.findFirst({
    where: { slug, ...publicWhere },
    include: {
      source: { include: { event: { select: { title: true, date: true, kind: true, url: true, status: true, deletedAt: true } } } },
      themes: { where: { theme: { deletedAt: null } }, include: { theme: { select: { slug: true, label: true } } } },
      approaches: { where: { approach: { deletedAt: null } }, include: { approach: { select: { slug: true, label: true } } } },
      initiatives: { where: { initiative: publicWhere }, include: { initiative: { select: { slug: true, title: true, summary: true } } } },
    },
  });
  return lesson && withPublicSources([lesson])[0]!;
}

export async function latestLessons(limit = 3) {
  const lessons = await prisma.lesson.findMany({
    where: publicWhere,
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { slug: true, title: true, evidenceLevel: true, source: { select: { title: true, status: true, deletedAt: true } } },
  });
  return withPublicSources(lessons);
}
