/**
 * Full public records of initiatives, built by PostgreSQL as JSON in the shape of the API's
 * `Initiative` schema (lib/api/schemas.ts): one statement for any number of rows, related
 * values aggregated per row, only public actors, lessons and sources, contact details only
 * with consent. Read by the exports (through a cursor) and by the API's detail endpoint.
 */
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import type { SearchQuery } from "@/lib/search/query";
import { initiativeFilterSql } from "@/lib/search/filters-sql";
import { orderBySql } from "@/lib/search/results-sql";
import { chooseTextQuery } from "@/lib/search/text-choice";
import type { TextQuery } from "@/lib/search/tsquery";
import type { InitiativeRecord } from "@/lib/api/schemas";
import { absoluteUrl } from "./site";
import { publicSql } from "@/lib/public/visibility";
import { VOCABULARIES } from "@/lib/vocabularies/registry";
import { vocabularyLinkKeySql, vocabularyLinkSql, vocabularyTableSql } from "@/lib/vocabularies/sql";

const iso = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** `'approaches', [{slug, label}…], 'themes', …`: every vocabulary of the record, in registry order. */
function termsSql(): Prisma.Sql {
  const pairs = VOCABULARIES.map(
    (
      v,
    ) => Prisma.sql`${v.apiKey}::text, COALESCE((SELECT json_agg(json_build_object('slug', v.slug, 'label', v.label) ORDER BY v.position, v.label)
    FROM ${vocabularyLinkSql(v)} x JOIN ${vocabularyTableSql(v)} v ON v.id = x.${vocabularyLinkKeySql(v)} WHERE x."initiativeId" = i.id AND v."deletedAt" IS NULL), '[]')`,
  );
  return Prisma.join(pairs, ",\n      ");
}

/** SELECT of `record` (json) per public initiative of `"Initiative" i` joined to `"InitiativeSearch" s`. */
function recordsSql(where: Prisma.Sql, order: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT json_build_object(
      'slug', i.slug, 'title', i.title, 'summary', i.summary, 'description', i.description,
      'objectives', i.objectives, 'means', i.means, 'funding', i.funding, 'results', i.results, 'website', i.website,
      'contact', CASE WHEN i."contactConsent" AND num_nonnulls(i."contactName", i."contactEmail", i."contactPhone") > 0
        THEN json_build_object('name', i."contactName", 'role', i."contactRole", 'email', i."contactEmail", 'phone', i."contactPhone") END,
      'startYear', i."startYear", 'endYear', i."endYear", 'ongoing', i.ongoing,
      'publishedAt', ${iso(`i."publishedAt"`)}, 'lastVerifiedAt', ${iso(`i."lastVerifiedAt"`)}, 'updatedAt', ${iso(`i."updatedAt"`)},
      'territories', COALESCE((SELECT json_agg(json_build_object('code', t.code, 'name', t.name, 'kind', t.kind) ORDER BY t.kind, t.name)
        FROM "InitiativeTerritory" x JOIN "Territory" t ON t.code = x."territoryCode" WHERE x."initiativeId" = i.id), '[]'),
      ${termsSql()},
      'actors', COALESCE((SELECT json_agg(json_build_object('slug', a.slug, 'name', a.name, 'kind', a.kind, 'role', x.role) ORDER BY x.role, a.name)
        FROM "InitiativeActor" x JOIN "Actor" a ON a.id = x."actorId" WHERE x."initiativeId" = i.id AND ${publicSql("a")}), '[]'),
      'lessons', COALESCE((SELECT json_agg(json_build_object('slug', l.slug, 'title', l.title, 'evidenceLevel', l."evidenceLevel") ORDER BY l.title)
        FROM "LessonInitiative" x JOIN "Lesson" l ON l.id = x."lessonId" WHERE x."initiativeId" = i.id AND ${publicSql("l")}), '[]'),
      'sources', COALESCE((SELECT json_agg(json_build_object('slug', so.slug, 'kind', so.kind, 'title', so.title,
          'date', to_char(so.date, 'YYYY-MM-DD'), 'url', so.url) ORDER BY so.date, so.title)
        FROM "InitiativeSource" x JOIN "Source" so ON so.id = x."sourceId" WHERE x."initiativeId" = i.id AND ${publicSql("so")}), '[]')
    ) AS record
    FROM "InitiativeSearch" s JOIN "Initiative" i ON i.id = s."initiativeId"
    WHERE ${where} AND ${publicSql("i")}
    ORDER BY ${order}`;
}

/** The records of every public initiative matching a search, in the order of the results page. */
export function matchingRecordsSql(query: SearchQuery, text: TextQuery | undefined): Prisma.Sql {
  return recordsSql(initiativeFilterSql(query, { text }), orderBySql(query, text));
}

/**
 * The text part as the results page uses it: when the exact words find fewer than a handful,
 * the page widens them with typo corrections, and the exports and feeds must list the same rows.
 */
export async function pageTextQuery(db: Database, query: SearchQuery): Promise<TextQuery | undefined> {
  if (!query.q) return undefined;
  const few = async (text: TextQuery | undefined) => {
    const [row] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM "InitiativeSearch" s WHERE ${initiativeFilterSql(query, { text })} LIMIT 3) few`);
    return row?.n ?? 0;
  };
  return (await chooseTextQuery(db, query, { q: query.q }, few)).text;
}

type StoredRecord = Omit<InitiativeRecord, "url" | "lessons"> & { lessons: Omit<InitiativeRecord["lessons"][number], "url">[] };

/** Adds the absolute links the database does not know. */
export function completeRecord(stored: StoredRecord): InitiativeRecord {
  return {
    ...stored,
    url: absoluteUrl(`/initiatives/${stored.slug}`),
    lessons: stored.lessons.map((lesson) => ({ ...lesson, url: absoluteUrl(`/enseignements/${lesson.slug}`) })),
  };
}

export async function getInitiativeRecord(db: Database, slug: string): Promise<InitiativeRecord | null> {
  return (await getInitiativeRecords(db, [slug]))[0] ?? null;
}

/** The public records among these slugs (in no particular order; the unpublished are absent). */
export async function getInitiativeRecords(db: Database, slugs: string[]): Promise<InitiativeRecord[]> {
  if (!slugs.length) return [];
  const rows = await db.$queryRaw<{ record: StoredRecord }[]>(recordsSql(Prisma.sql`i.slug = ANY(${slugs}::text[])`, Prisma.sql`i.id`));
  return rows.map((row) => completeRecord(row.record));
}
