import { queryRows } from "@/lib/db/raw";
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type HitCard, toHitCards } from "@/lib/search/hit-card";
import { DEFAULT_PLACE_SCOPE, parsePlaceScope, PLACE_SCOPE_PARAM, type PlaceScope } from "@/lib/search/place-scope";
import type { UnderstoodPlace } from "@/lib/search/place-words";
import { parseSearchQuery, territoryCode } from "@/lib/search/query";
import { interpretQuery } from "@/lib/search/service";
import { findPlace, type Place } from "@/lib/territories/lookup";
import { parseActorQuery, searchActors as searchPublicActors } from "./actors";
import { type LessonHit, parseLessonQuery, searchLessons } from "./lessons";
import { placeQuerySchema, search, searchWordsSchema } from "./search";
import { looseWords } from "@/lib/format/search-text";
import { territoriesInScopeSql } from "./territories-in-scope";
import { publicSql } from "@/lib/public/visibility";

/** Entries shown per kind; each kind's full list is one link away. */
export const GROUP_SIZE = 5;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** URL state of /recherche: words, and optionally a place (typed or by code) with its scope. */
const unifiedQuerySchema = z.object({
  q: searchWordsSchema,
  lieu: z.preprocess(first, placeQuerySchema),
  territoire: z.preprocess(first, territoryCode.optional()).catch(undefined),
  [PLACE_SCOPE_PARAM]: z.preprocess(first, z.string().optional()).transform((v) => parsePlaceScope(v as string | undefined)),
  /** `interpreter=non`, as on /initiatives: a place named in the words stays a word. */
  interpreter: z.preprocess(first, z.string().optional()).transform((v) => v?.trim() !== "non"),
});
export type UnifiedQuery = z.infer<typeof unifiedQuerySchema>;

export function parseUnifiedQuery(raw: Record<string, string | string[] | undefined>): UnifiedQuery {
  return unifiedQuerySchema.parse(raw);
}

/** The parameters every kind's list understands: q, territoire and portee (its default left out). */
export function sharedParams(q: string, territoire: string | null, scope: PlaceScope): URLSearchParams {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (territoire) {
    params.set("territoire", territoire);
    if (scope !== DEFAULT_PLACE_SCOPE) params.set(PLACE_SCOPE_PARAM, scope);
  }
  return params;
}

export interface Group<T> {
  items: T[];
  total: number;
}

export interface ActorHit {
  slug: string;
  name: string;
  acronym: string | null;
  kind: string;
  territory: string | null;
  scale: string | null;
}

export interface SourceHit {
  slug: string;
  title: string;
  kind: "EVENT" | "DOCUMENT";
  date: Date | null;
  url: string | null;
  lessonCount: number;
}

export interface UnifiedResult {
  initiatives: Group<HitCard>;
  actors: Group<ActorHit>;
  lessons: Group<LessonHit>;
  sources: Group<SourceHit>;
}

/**
 * The words as every group reads them: a place named in the words (« discriminations Roubaix »)
 * becomes the place of every group, as /initiatives reads it (lib/search/place-words.ts), unless
 * another place was chosen in the form. Only one place: the other lists filter by one.
 */
export async function readUnifiedWords(
  q: string,
  place: Place | null,
  interpret: boolean,
): Promise<{ q: string; place: Place | null; understood: UnderstoodPlace[] }> {
  if (!q || !interpret) return { q, place, understood: [] };
  const reading = await interpretQuery(prisma, parseSearchQuery({ q }));
  const code = reading.places.length === 1 ? reading.places[0]!.code : undefined;
  // A place chosen in the form wins over another one named in the words.
  if (!code || (place && place.code !== code)) return { q, place, understood: [] };
  const read = place ?? (await findPlace(prisma, code));
  return read ? { q: reading.query.q, place: read, understood: reading.places } : { q, place, understood: [] };
}

/**
 * One search box across kinds: the first entries and the count of each, read in parallel, each
 * bounded. Initiatives go through the initiative search as it is (same ranking and place rule
 * as /initiatives), lessons through the lesson search; actors and sources are matched here.
 */
export async function unifiedSearch(q: string, place: Place | null, scope: PlaceScope): Promise<UnifiedResult> {
  const params = sharedParams(q, place?.code ?? null, scope);
  const [initiatives, lessons, actors, sources] = await Promise.all([
    searchInitiativeGroup(params),
    searchLessons(parseLessonQuery(Object.fromEntries(params)), { pageSize: GROUP_SIZE }),
    searchActors(q, place, scope),
    searchSources(q, place, scope),
  ]);
  return {
    initiatives: { items: toHitCards(initiatives.items), total: initiatives.total },
    lessons: { items: lessons.items, total: lessons.total },
    actors,
    sources,
  };
}

/**
 * The initiative group: the words were read once for every group (readUnifiedWords), not again
 * here; the group shows entries and a total, no facet.
 */
export function searchInitiativeGroup(params: URLSearchParams) {
  return search({ ...parseSearchQuery(params), interpret: false }, { pageSize: GROUP_SIZE, facets: false });
}

const tsquery = (q: string) => Prisma.sql`websearch_to_tsquery('french_unaccent', ${looseWords(q)})`;

/**
 * Actors as /acteurs finds them (words, place by area of intervention, same count), so that the
 * group's total is that list's; shown with the place that brings each one.
 */
async function searchActors(q: string, place: Place | null, scope: PlaceScope): Promise<Group<ActorHit>> {
  const query = parseActorQuery({ q, territoire: place?.code, portee: scope });
  // The place is resolved already: not looked up again.
  const result = await searchPublicActors(query, GROUP_SIZE, { place, typed: "", alternatives: [], unknown: false });
  return {
    items: result.items.map((actor) => ({
      slug: actor.slug,
      name: actor.name,
      acronym: actor.acronym,
      kind: actor.kind,
      territory: actor.place?.name ?? actor.territory?.name ?? null,
      scale: actor.scale,
    })),
    total: result.total,
  };
}

/**
 * Public sources (events, documents) whose title or description hold every word; placed by the
 * published initiatives that cite them ("SourcePlace", kept by triggers: one index probe each). Listed newest first, with their public lessons counted.
 */
export async function searchSources(q: string, place: Place | null, scope: PlaceScope): Promise<Group<SourceHit>> {
  const document = Prisma.sql`to_tsvector('french_unaccent', concat_ws(' ', s.title, s.description))`;
  const conditions = [publicSql("s")];
  if (q) conditions.push(Prisma.sql`${document} @@ ${tsquery(q)}`);
  if (place)
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "SourcePlace" sp
      WHERE sp."sourceId" = s.id AND sp."territoryCode" = ANY(${territoriesInScopeSql([place.code], scope)}))`);
  const where = Prisma.join(conditions, " AND ");
  const [rows, [count]] = await Promise.all([
    queryRows<Omit<SourceHit, "kind"> & { kind: "EVENT" | "DOCUMENT" }>(
      prisma,
      Prisma.sql`
      SELECT s.slug, s.title, s.kind::text AS kind, s.date, s.url,
        (SELECT count(*)::int FROM "Lesson" l WHERE ${publicSql("l")}
          AND l."sourceId" IN (SELECT d.id FROM "Source" d WHERE d.id = s.id OR d."eventId" = s.id)) AS "lessonCount"
      FROM "Source" s WHERE ${where}
      ORDER BY ${q ? Prisma.sql`ts_rank(${document}, ${tsquery(q)}) DESC,` : Prisma.empty} s.date DESC NULLS LAST, s.id
      LIMIT ${GROUP_SIZE}`,
    ),
    queryRows<{ total: number }>(prisma, Prisma.sql`SELECT count(*)::int AS total FROM "Source" s WHERE ${where}`),
  ]);
  return { items: rows, total: count?.total ?? 0 };
}
