import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { queryRows } from "@/lib/db/raw";
import { chunkArraySql, maskHasSql } from "@/lib/search/mask-sql";
import { actorContactSelect, consentedContact, publicActorContact, withoutContactColumns } from "./contact";
import { ifPublic, publicWhere } from "./visibility";

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

export type InitiativeListItem = Awaited<ReturnType<typeof latestInitiatives>>[number];

export async function getPublishedInitiative(slug: string) {
  const row = await prisma.initiative.findFirst({
    where: { slug, ...publicWhere },
    include: {
      actors: {
        where: { actor: publicWhere },
        include: { actor: { select: { slug: true, name: true, kind: true, acronym: true, ...actorContactSelect } } },
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
        include: {
          lesson: {
            include: { source: { select: { title: true, slug: true, date: true, kind: true, url: true, status: true, deletedAt: true } } },
          },
        },
      },
    },
  });
  if (!row) return null;
  // The contact person (the initiative's and its actors') only through the consent rule.
  const initiative = {
    ...withoutContactColumns(row),
    contact: consentedContact(row),
    actors: row.actors.map((link) => {
      const { slug, name, kind, acronym } = link.actor;
      return { ...link, actor: { slug, name, kind, acronym, contact: publicActorContact(link.actor) } };
    }),
  };
  return {
    ...initiative,
    lessons: initiative.lessons.map((link) => ({ ...link, lesson: { ...link.lesson, source: ifPublic(link.lesson.source) } })),
  };
}

export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof getPublishedInitiative>>>;

export async function getKeyFigures() {
  const [initiatives, actors, lessons, territories] = await Promise.all([
    prisma.initiative.count({ where: publicWhere }),
    prisma.actor.count({ where: publicWhere }),
    prisma.lesson.count({ where: publicWhere }),
    // Counted in SQL: the home page must not load every covered territory into Node.
    prisma.$queryRaw<{ count: number }[]>(Prisma.sql`
      SELECT count(DISTINCT it."territoryCode")::int AS count
      FROM "InitiativeTerritory" it JOIN "Initiative" i ON i.id = it."initiativeId"
      WHERE i.status = 'PUBLISHED' AND i."deletedAt" IS NULL`),
  ]);
  return { initiatives, actors, lessons, territories: territories[0]?.count ?? 0 };
}

/**
 * How many candidates the related initiatives are chosen from: every entry of a value held by at
 * most SPECIFIC_VALUE entries (a town, a QPV) or of a rare word of the title, and the
 * RECENT_CANDIDATES most recent entries sharing anything else. Scoring every entry that shares anything read the
 * whole base (8 to 15 s per page at 200,000 initiatives, where a theme is shared by a third).
 */
const SPECIFIC_VALUE = 2000;
const RECENT_CANDIDATES = 500;

/**
 * Up to `limit` public initiatives close to one: shared approaches, themes and territories
 * (the initiative's own places, not their ancestors), then shared words of the title, among a
 * bounded set of candidates (see SPECIFIC_VALUE).
 */
export async function relatedInitiatives(id: number, limit = 4) {
  const rows = await queryRows<{ id: number }>(
    prisma,
    Prisma.sql`
    WITH mine AS (
      SELECT f.id FROM "InitiativeSearch" s JOIN "SearchFacet" f ON f.id = ANY(s.facets)
      WHERE s."initiativeId" = ${id} AND f.facet IN ('approche', 'theme')
      UNION
      SELECT f.id FROM "InitiativeTerritory" it JOIN "SearchFacet" f ON f.facet = 'territoire' AND f.value = it."territoryCode"
      WHERE it."initiativeId" = ${id}
    ),
    title_words AS (
      SELECT l.lexeme, f.id AS frequent
      FROM "Initiative" i, unnest(tsvector_to_array(to_tsvector('french_unaccent', i.title))) AS l(lexeme)
      LEFT JOIN "SearchFacet" f ON f.facet = '_mot' AND f.value = l.lexeme
      WHERE i.id = ${id}
    ),
    sized AS (
      SELECT m.id, p.chunk, p.bits, sum(bit_count(p.bits)) OVER (PARTITION BY m.id) AS entries
      FROM (SELECT id FROM mine UNION SELECT frequent FROM title_words WHERE frequent IS NOT NULL) m
      JOIN "SearchPosting" p ON p.token = m.id
    ),
    words AS (
      SELECT NULLIF(replace(plainto_tsquery('french_unaccent', i.title)::text, '&', '|'), '')::tsquery AS q
      FROM "Initiative" i WHERE i.id = ${id}
    ),
    shared_chunks AS (SELECT chunk, bit_or(bits) AS bits FROM sized GROUP BY chunk),
    shared AS (SELECT ${chunkArraySql(Prisma.sql`shared_chunks`)} AS bits),
    candidates AS (
      -- Specific values, and the title's words too rare to have a bitmap ('_mot', ADR 004): all their entries.
      SELECT s."initiativeId" AS id FROM "InitiativeSearch" s
      WHERE s.facets && ARRAY(SELECT DISTINCT sz.id FROM sized sz WHERE sz.entries <= ${SPECIFIC_VALUE})
         OR s.document @@ (SELECT NULLIF(string_agg(quote_literal(t.lexeme), ' | '), '')::tsquery FROM title_words t WHERE t.frequent IS NULL)
      UNION
      -- Anything else shared, frequent title words included: the most recent entries only.
      (SELECT s."initiativeId" FROM "InitiativeSearch" s
       WHERE ${maskHasSql(Prisma.sql`(SELECT bits FROM shared)`, Prisma.sql`s."initiativeId"`)}
       ORDER BY s."publishedAt" DESC, s."initiativeId" DESC LIMIT ${RECENT_CANDIDATES})
    )
    SELECT s."initiativeId" AS id
    FROM candidates c JOIN "InitiativeSearch" s ON s."initiativeId" = c.id, words
    WHERE s."initiativeId" <> ${id}
    ORDER BY (SELECT count(*) FROM unnest(s.facets) AS x WHERE x IN (SELECT id FROM mine))
             + COALESCE(ts_rank(s.document, words.q), 0) * 2 DESC,
             s."publishedAt" DESC NULLS LAST, s."initiativeId" DESC
    LIMIT ${limit}`,
  );
  if (rows.length === 0) return [];
  const items = await prisma.initiative.findMany({ where: { id: { in: rows.map((r) => r.id) }, ...publicWhere }, select: listSelect });
  return rows.map((r) => items.find((item) => item.id === r.id)).filter((item) => item !== undefined);
}

/** Latest published initiatives, for the home page. */
export function latestInitiatives(limit = 6) {
  return prisma.initiative.findMany({
    where: publicWhere,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: listSelect,
  });
}
