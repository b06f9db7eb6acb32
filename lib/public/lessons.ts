import { queryRows } from "@/lib/db/raw";
import "server-only";
import { z } from "zod";
import { pageNumber } from "@/lib/validation/integer";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { EvidenceLevel } from "@/lib/db/generated/client";
import { HIGHLIGHT_END, HIGHLIGHT_START, type Segment, toSegments } from "@/lib/search/highlight";
import { scaleLabel } from "@/lib/format/labels";
import { DEFAULT_PLACE_SCOPE, parsePlaceScope, PLACE_SCOPE_PARAM, type PlaceScope } from "@/lib/search/place-scope";
import { territoryCode } from "@/lib/search/query";
import type { PlaceKind as TerritoryKind } from "@/lib/territories/place-text";
import { placeQuerySchema, searchWordsSchema } from "./search";
import { looseWords } from "@/lib/format/search-text";
import { territoriesInScopeSql } from "./territories-in-scope";
import { publicWhere, withPublicSources, publicSql } from "./visibility";

export const LESSON_PAGE_SIZE = 20;

export const evidenceParams = {
  temoignage: "TESTIMONY",
  "retour-experience": "PRACTICE_FEEDBACK",
  "evaluation-interne": "INTERNALLY_EVALUATED",
  "evaluation-externe": "EXTERNALLY_EVALUATED",
} as const;
type EvidenceParam = keyof typeof evidenceParams;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100);
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** URL state of /enseignements; like the initiative search, bad values are dropped, never a 500. */
const lessonQuerySchema = z.object({
  q: searchWordsSchema,
  theme: z.preprocess(first, slug.optional()).catch(undefined),
  approche: z.preprocess(first, slug.optional()).catch(undefined),
  source: z.preprocess(first, slug.optional()).catch(undefined),
  niveau: z.preprocess(first, z.enum(Object.keys(evidenceParams) as [EvidenceParam, ...EvidenceParam[]]).optional()).catch(undefined),
  /** A territory's official code: the lessons of that place and, by `portee`, of the places covering it. */
  territoire: z.preprocess(first, territoryCode.optional()).catch(undefined),
  /** Words naming a place, resolved by the page (resolvePlace, lib/territories/lookup.ts) into `territoire`. */
  lieu: z.preprocess(first, placeQuerySchema),
  [PLACE_SCOPE_PARAM]: z.preprocess(first, z.string().optional()).transform((v) => parsePlaceScope(v as string | undefined)),
  page: z.preprocess(first, pageNumber()).catch(1),
});
export type LessonQuery = z.infer<typeof lessonQuerySchema>;

export function parseLessonQuery(raw: Record<string, string | string[] | undefined>): LessonQuery {
  return lessonQuerySchema.parse(raw);
}

/** The canonical query string: a place is carried by its code, the scope only with a place. */
export function lessonQueryString(query: LessonQuery, page = query.page): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of ["theme", "approche", "source", "niveau", "territoire"] as const) if (query[key]) params.set(key, query[key]!);
  if (query.territoire && query.portee !== DEFAULT_PLACE_SCOPE) params.set(PLACE_SCOPE_PARAM, query.portee);
  if (page > 1) params.set("page", String(page));
  return params.toString();
}

/**
 * Lessons whose places match the place `code` under `scope`. A lesson's places ("LessonPlace", kept by
 * triggers, migrations 20261201180000_lesson_places and 20261201220000_lesson_places_within) are
 * the territories of its published initiatives (depth 0); a lesson tied to no published
 * initiative takes those of the published initiatives citing its public source (or the event
 * that source comes from). Lessons of one source stay apart this way: the synthesis' lesson on
 * ACSO's plan is not pulled to Roubaix by the other initiatives it cites. Every territory above
 * those is a place of the lesson too (depth > 0), so that a lesson lies inside a place when the
 * place is among its places: one index range, where the place's descendants (3,887 codes for the
 * région) read and deduplicated 133,000 rows. It covers the place when one of its own places
 * (depth 0) lies strictly above it. The ids are read from the place's side into a hashed `IN`.
 */
function placeIdsSql(code: string, scope: PlaceScope): Prisma.Sql {
  const inside = Prisma.sql`lp."territoryCode" = ${code}`;
  const covering = Prisma.sql`lp.depth = 0 AND lp."territoryCode" = ANY(${territoriesInScopeSql([code], "couvrant")})`;
  const ids = (where: Prisma.Sql) => Prisma.sql`SELECT lp."lessonId" FROM "LessonPlace" lp WHERE ${where}`;
  // Two index-only reads rather than one OR, which read the table's pages for the lesson ids.
  if (scope === "tous") return Prisma.sql`${ids(inside)} UNION ALL ${ids(covering)}`;
  return ids(scope === "local" ? inside : covering);
}
const placeMatchSql = (code: string, scope: PlaceScope) => Prisma.sql`l.id IN (${placeIdsSql(code, scope)})`;

/** Markdown marks left out of excerpts: links keep their text. */
const plainBodySql = Prisma.sql`regexp_replace(regexp_replace(translate(l.body, ${HIGHLIGHT_START + HIGHLIGHT_END}, ''),
  '\\[([^\\]]*)\\]\\([^)]*\\)', '\\1', 'g'), '[*_#>\x60]+', '', 'g')`;
const EXCERPT_CHARS = 240;

export interface LessonHit {
  id: number;
  slug: string;
  title: string;
  titleSegments: Segment[];
  /** Passages around the query's words, or the start of the text. */
  excerpt: Segment[];
  evidenceLevel: EvidenceLevel;
  publishedAt: Date | null;
  body: string;
  source: { slug: string; title: string; date: Date | null; kind: "EVENT" | "DOCUMENT" } | null;
  /** Set when the lesson reaches the chosen place only from a larger territory (« à l'échelle de la région »). */
  scale: string | null;
}

export interface LessonSearchResult {
  items: LessonHit[];
  total: number;
  /** With a place: how many lie inside it; the others cover it. */
  local: number | null;
  page: number;
  pageCount: number;
}

type LessonRow = {
  id: number;
  title_marked: string;
  excerpt_marked: string;
  local: boolean | null;
  covering_kind: TerritoryKind | null;
  covering_name: string | null;
};

/**
 * Over `"Lesson" l`: the public lessons a query selects (words, filters, place under its scope).
 * The list, the unified search and the digests of a followed selection (lib/subscriptions) read it.
 */
export function lessonMatchSql(query: LessonQuery): Prisma.Sql {
  const q = looseWords(query.q);
  const conditions: Prisma.Sql[] = [publicSql("l")];
  if (q) conditions.push(Prisma.sql`l."searchVector" @@ websearch_to_tsquery('french_unaccent', ${q})`);
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
  if (query.territoire) conditions.push(placeMatchSql(query.territoire, query.portee));
  return Prisma.join(conditions, " AND ");
}

/**
 * Public lessons matching the filters. With a place, lessons inside it come before those that
 * cover it (each of those says from which scale); then by relevance when searched, else latest
 * first. `pageSize` lets the unified search take only the first few.
 */
export async function searchLessons(query: LessonQuery, options: { pageSize?: number } = {}): Promise<LessonSearchResult> {
  const pageSize = options.pageSize ?? LESSON_PAGE_SIZE;
  const q = looseWords(query.q);
  const tsq = Prisma.sql`websearch_to_tsquery('french_unaccent', ${q})`;
  const code = query.territoire;
  const where = lessonMatchSql(query);
  const offset = (query.page - 1) * pageSize;
  // Under « local » every lesson found lies inside: one place test less.
  const inside = !code ? Prisma.sql`NULL::boolean` : query.portee === "local" ? Prisma.sql`TRUE` : placeMatchSql(code, "local");
  const order = Prisma.join(
    [...(q ? [Prisma.sql`ts_rank(l."searchVector", ${tsq}) DESC`] : []), Prisma.sql`l."publishedAt" DESC NULLS LAST, l.id`],
    ", ",
  );
  const ordered = (from: Prisma.Sql, conditions: Prisma.Sql, local: Prisma.Sql, limit: number, skip: number) =>
    Prisma.sql`SELECT l.*, ${local} AS local ${from} WHERE ${conditions} ORDER BY ${order} LIMIT ${limit} OFFSET ${skip}`;
  const lessonTable = Prisma.sql`FROM "Lesson" l`;
  // With both scopes, lessons inside come first: each tier is read and ordered on its own up to
  // the end of the page (a place's latest lessons from the publication index), rather than
  // testing and sorting every lesson of the place and above it. The covering tier is read only
  // when the inside one does not fill the page, from the lessons of the places above (a
  // materialised set: planned over the publication index, it started a parallel worker).
  const end = offset + pageSize;
  const page =
    code && query.portee === "tous"
      ? Prisma.sql`WITH inside AS MATERIALIZED (${ordered(lessonTable, lessonMatchSql({ ...query, portee: "local" }), Prisma.sql`TRUE`, end, 0)}),
          above AS MATERIALIZED (SELECT DISTINCT c."lessonId" FROM (${placeIdsSql(code, "couvrant")}) c WHERE (SELECT count(*) FROM inside) < ${end})
          SELECT * FROM (SELECT * FROM inside UNION ALL (${ordered(
            Prisma.sql`FROM above JOIN "Lesson" l ON l.id = above."lessonId"`,
            Prisma.sql`${lessonMatchSql({ ...query, territoire: undefined })} AND NOT ${placeMatchSql(code, "local")}`,
            Prisma.sql`FALSE`,
            end,
            0,
          )})) l ORDER BY l.local DESC, ${order} LIMIT ${pageSize} OFFSET ${offset}`
      : // Words without a place: every match is ranked anyway, so the page is taken from the
        // matches the counts read (\`matched\`, below) rather than from a second pass over them.
        q && !code
        ? Prisma.sql`SELECT l.*, NULL::boolean AS local FROM (SELECT id FROM matched ORDER BY rank DESC, "publishedAt" DESC NULLS LAST, id
            LIMIT ${pageSize} OFFSET ${offset}) m JOIN "Lesson" l ON l.id = m.id`
        : ordered(lessonTable, where, Prisma.sql`NULL::boolean`, pageSize, offset);
  // Read for the page's lessons only: a probe of the lesson's places each.
  const local = !code
    ? Prisma.sql`NULL::boolean`
    : query.portee === "tous"
      ? Prisma.sql`l.local`
      : query.portee === "local"
        ? Prisma.sql`TRUE`
        : Prisma.sql`EXISTS (SELECT 1 FROM "LessonPlace" p WHERE p."lessonId" = l.id AND p."territoryCode" = ${code})`;
  const headline = (column: Prisma.Sql, settings: string) =>
    q ? Prisma.sql`ts_headline('french_unaccent', ${column}, ${tsq}, ${settings})` : column;
  // The closest larger territory through which a covering lesson reaches the place: one of its own
  // places, the smaller kind first between two at the same distance (an EPCI and its département).
  const covering = code
    ? Prisma.sql`(SELECT t.kind || '|' || t.name FROM "LessonPlace" p
        JOIN "TerritoryAncestor" a ON a."ancestorCode" = p."territoryCode" AND a."descendantCode" = ${code} AND a.depth > 0
        JOIN "Territory" t ON t.code = p."territoryCode" WHERE p."lessonId" = l.id AND p.depth = 0 ORDER BY a.depth, t.kind DESC, t.code LIMIT 1)`
    : Prisma.sql`NULL`;
  const pageSql = Prisma.sql`
      SELECT l.id,
        ${headline(Prisma.sql`translate(l.title, ${HIGHLIGHT_START + HIGHLIGHT_END}, '')`, `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`)} AS title_marked,
        ${q ? headline(plainBodySql, `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`) : plainBodySql} AS excerpt_marked,
        ${local} AS local, ${covering} AS covering
      FROM (${page}) l
      ORDER BY ${code && query.portee === "tous" ? Prisma.sql`l.local DESC, ` : Prisma.empty}${order}`;
  type PageRow = Omit<LessonRow, "covering_kind" | "covering_name"> & { covering: string | null };
  // Words without a place: one read of the matches for the counts and the page (joined laterally
  // to the one row of counts, which keeps the page's order; a page past the end is that row alone).
  const [rows, count] =
    q && !code
      ? await queryRows<(PageRow | { [key in keyof PageRow]: null }) & { total: number }>(
          prisma,
          Prisma.sql`WITH matched AS MATERIALIZED (
              SELECT l.id, ts_rank(l."searchVector", ${tsq}) AS rank, l."publishedAt" FROM "Lesson" l WHERE ${where})
            SELECT c.total, p.* FROM (SELECT count(*)::int AS total FROM matched) c LEFT JOIN LATERAL (${pageSql}) p ON TRUE`,
        ).then(
          (found) =>
            [
              found.filter((row): row is PageRow & { total: number } => row.id !== null),
              { total: found[0]?.total ?? 0, local: null },
            ] as const,
        )
      : await Promise.all([
          queryRows<PageRow>(prisma, pageSql),
          queryRows<{ total: number; local: number | null }>(
            prisma,
            Prisma.sql`SELECT count(*)::int AS total, ${code ? Prisma.sql`(count(*) FILTER (WHERE ${inside}))::int` : Prisma.sql`NULL::int`} AS local
              FROM "Lesson" l WHERE ${where}`,
          ),
        ]).then(([page, [counted]]) => [page, counted] as const);
  const lessons = await prisma.lesson.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: {
      id: true,
      slug: true,
      title: true,
      body: true,
      evidenceLevel: true,
      publishedAt: true,
      source: { select: { slug: true, title: true, date: true, kind: true, status: true, deletedAt: true } },
    },
  });
  const byId = new Map(withPublicSources(lessons).map((l) => [l.id, l]));
  const items = rows.flatMap((row) => {
    const lesson = byId.get(row.id);
    if (!lesson) return [];
    const [kind, ...name] = row.covering?.split("|") ?? [];
    const source = lesson.source && {
      slug: lesson.source.slug,
      title: lesson.source.title,
      date: lesson.source.date,
      kind: lesson.source.kind,
    };
    return [
      {
        ...lesson,
        source,
        titleSegments: toSegments(row.title_marked),
        excerpt: q ? toSegments(row.excerpt_marked) : [{ text: shorten(row.excerpt_marked, EXCERPT_CHARS), highlighted: false }],
        scale: row.local === false && kind ? scaleLabel({ kind: kind as TerritoryKind, name: name.join("|") }) : null,
      },
    ];
  });
  const total = count?.total ?? 0;
  return { items, total, local: count?.local ?? null, page: query.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The start of a text, cut at a word boundary. */
function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))} …`;
}

/** Filter choices of /enseignements: vocabularies and the public sources that have lessons. */
export async function lessonFilterChoices() {
  const [themes, approaches, sources] = await Promise.all([
    prisma.theme.findMany({
      where: { deletedAt: null },
      orderBy: [{ position: "asc" }, { label: "asc" }],
      select: { slug: true, label: true },
    }),
    prisma.approach.findMany({
      where: { deletedAt: null },
      orderBy: [{ position: "asc" }, { label: "asc" }],
      select: { slug: true, label: true },
    }),
    prisma.source.findMany({
      where: {
        ...publicWhere,
        OR: [{ lessons: { some: publicWhere } }, { documents: { some: { ...publicWhere, lessons: { some: publicWhere } } } }],
      },
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
