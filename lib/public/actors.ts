import { queryRows } from "@/lib/db/raw";
import "server-only";
import { z } from "zod";
import { pageNumber } from "@/lib/validation/integer";
import { foldText } from "@/lib/format/fold";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ActorKind } from "@/lib/db/generated/enums";
import { actorKindParams, territoryCode, type ActorKindParam } from "@/lib/search/query";
import { scaleLabel } from "@/lib/format/labels";
import { parsePlaceScope, type PlaceScope } from "@/lib/search/place-scope";
import { actorContactSelect, publicActorContact, withoutContactColumns } from "./contact";
import { findPlace, type Place, type PlaceChoice } from "@/lib/territories/lookup";
import type { PlaceKind as TerritoryKind } from "@/lib/territories/place-text";
import { choosePlace, placeQuerySchema, searchWordsSchema } from "./search";
import { publicSql } from "@/lib/public/visibility";

export const ACTOR_PAGE_SIZE = 20;
/** How many actors « Qui contacter » lists before linking to the full list. */
export const WHO_TO_CONTACT_LIMIT = 12;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100);
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** URL state of /acteurs (and of the API's actor list); bad values are dropped, never a 500. */
const actorQuerySchema = z.object({
  q: searchWordsSchema,
  lieu: z.preprocess(first, placeQuerySchema),
  territoire: z.preprocess(first, territoryCode.optional()).catch(undefined),
  portee: z
    .preprocess(first, z.string().optional())
    .catch(undefined)
    .transform((v) => parsePlaceScope(v)),
  type: z.preprocess(first, z.enum(Object.keys(actorKindParams) as [ActorKindParam, ...ActorKindParam[]]).optional()).catch(undefined),
  approche: z.preprocess(first, slug.optional()).catch(undefined),
  page: z.preprocess(first, pageNumber()).catch(1),
});
export type ActorQuery = z.infer<typeof actorQuerySchema>;

export function parseActorQuery(raw: Record<string, string | string[] | undefined>): ActorQuery {
  return actorQuerySchema.parse(raw);
}

export function actorQueryString(query: ActorQuery, page = query.page): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  // Typed words win over a code, as resolvePlace reads them.
  if (query.lieu) params.set("lieu", query.lieu);
  else if (query.territoire) params.set("territoire", query.territoire);
  if ((query.territoire || query.lieu) && query.portee !== "tous") params.set("portee", query.portee);
  if (query.type) params.set("type", query.type);
  if (query.approche) params.set("approche", query.approche);
  if (page > 1) params.set("page", String(page));
  return params.toString();
}

/**
 * Public actors active in or covering `code` (as `scope` says), one row each with the place
 * that brings it: a place inside first, else the smallest covering one. An actor's places are
 * its area of intervention, or else its own territory; an actor without either never comes up.
 * Read from the place's side: the territories in it and above it straight from the closure
 * table, whose statistics tell the planner a commune's few from the région's 3,887 (index
 * probes for the one, a hashed scan of the actors for the other). Testing every territory
 * against the scope instead made it plan thousands of places for a commune's six, and the
 * région's actors by index probes (340 and 580 ms at 20,000 actors). Actors without an area are
 * told by one hashed read of the areas (a correlated NOT EXISTS was planned as a scan of the
 * area table per actor).
 */
function actorsAtPlaceSql(code: string, scope: PlaceScope) {
  const places = Prisma.join(
    [
      ...(scope !== "couvrant"
        ? [Prisma.sql`SELECT pa."descendantCode" AS code, TRUE AS local FROM "TerritoryAncestor" pa WHERE pa."ancestorCode" = ${code}`]
        : []),
      ...(scope !== "local"
        ? [
            Prisma.sql`SELECT pa."ancestorCode" AS code, FALSE AS local FROM "TerritoryAncestor" pa
              WHERE pa."descendantCode" = ${code} AND pa.depth > 0`,
          ]
        : []),
    ],
    " UNION ALL ",
  );
  // An actor without an area has one place, its own territory: only the areas need DISTINCT ON
  // (a sort of every row: 19,000 for the région's actors).
  return Prisma.sql`
    SELECT a.id AS "actorId", t.code, t.name, t.kind::text AS kind, p.local
    FROM (${places}) p JOIN "Actor" a ON a."territoryCode" = p.code JOIN "Territory" t ON t.code = p.code
    WHERE ${publicSql("a")} AND a.id NOT IN (SELECT aa."actorId" FROM "ActorArea" aa)
    UNION ALL
    (SELECT DISTINCT ON (aa."actorId") aa."actorId", t.code, t.name, t.kind::text AS kind, p.local
     FROM (${places}) p JOIN "ActorArea" aa ON aa."territoryCode" = p.code JOIN "Territory" t ON t.code = p.code
     JOIN "Actor" a ON a.id = aa."actorId" AND ${publicSql("a")}
     ORDER BY aa."actorId", p.local DESC, t.kind DESC)`;
}

/** Words of a query as the haystack below is normalised: no accents, no case, no punctuation. */
function queryWords(q: string): string[] {
  const words = foldText(q)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 2);
  return [...new Set(words)].slice(0, 10);
}

/**
 * Every word must appear in the name, acronym or description (`searchText`, normalised like
 * the words by a trigger); a longer word that appears in no actor's text is read as a typo of
 * the name or acronym (`nameText`) and matched by closeness (« defensseur »). Each test uses a
 * trigram index; closeness is only tried when the word is found nowhere (a subquery run once),
 * and only on names: scored against whole descriptions it took over a second at 20,000 actors.
 */
function textConditions(q: string): Prisma.Sql[] {
  return queryWords(q).map((word) => {
    const literal = Prisma.sql`LIKE ${`%${word}%`}`;
    return Prisma.sql`(a."searchText" ${literal} OR (length(${word}::text) >= 5
      AND NOT EXISTS (SELECT 1 FROM "Actor" w WHERE w."searchText" ${literal}) AND ${word}::text <% a."nameText"))`;
  });
}

function approachCondition(approach: string) {
  return Prisma.sql`EXISTS (SELECT 1 FROM "InitiativeActor" ia
    JOIN "Initiative" i ON i.id = ia."initiativeId" AND ${publicSql("i")}
    JOIN "InitiativeApproach" x ON x."initiativeId" = i.id
    JOIN "Approach" ap ON ap.id = x."approachId" AND ap."deletedAt" IS NULL
    WHERE ia."actorId" = a.id AND ap.slug = ${approach})`;
}

/** Approaches of each actor, from its published initiatives. */
async function approachesOf(actorIds: number[]) {
  if (actorIds.length === 0) return new Map<number, { slug: string; label: string }[]>();
  const rows = await queryRows<{ actorId: number; slug: string; label: string }>(
    prisma,
    Prisma.sql`
    SELECT DISTINCT ia."actorId", ap.slug, ap.label, ap.position FROM "InitiativeActor" ia
    JOIN "Initiative" i ON i.id = ia."initiativeId" AND ${publicSql("i")}
    JOIN "InitiativeApproach" x ON x."initiativeId" = i.id
    JOIN "Approach" ap ON ap.id = x."approachId" AND ap."deletedAt" IS NULL
    WHERE ia."actorId" = ANY(${actorIds}::int[])
    ORDER BY ap.position, ap.label`,
  );
  const byActor = new Map<number, { slug: string; label: string }[]>();
  for (const row of rows) byActor.set(row.actorId, [...(byActor.get(row.actorId) ?? []), { slug: row.slug, label: row.label }]);
  return byActor;
}

/**
 * Published initiatives of each actor, counted for these actors only by index (Prisma's
 * relation `_count` aggregates the whole link table first: half a second at 200,000 initiatives).
 */
async function initiativeCountsOf(actorIds: number[]) {
  if (actorIds.length === 0) return new Map<number, number>();
  const rows = await queryRows<{ actorId: number; count: number }>(
    prisma,
    Prisma.sql`
    SELECT ia."actorId", count(*)::int AS count FROM "InitiativeActor" ia
    JOIN "Initiative" i ON i.id = ia."initiativeId" AND ${publicSql("i")}
    WHERE ia."actorId" = ANY(${actorIds}::int[]) GROUP BY ia."actorId"`,
  );
  return new Map(rows.map((row) => [row.actorId, row.count]));
}

const publicActorSelect = {
  id: true,
  slug: true,
  name: true,
  acronym: true,
  kind: true,
  description: true,
  territory: { select: { code: true, name: true, kind: true } },
  areas: { select: { territory: { select: { code: true, name: true, kind: true } } }, orderBy: { territory: { kind: "asc" } } },
  ...actorContactSelect,
} as const;

/** Actors as the public sees them: contact details through the consent rule, approaches, scale. */
async function publicActors(rows: { actorId: number; code: string | null; name: string | null; kind: string | null; local: boolean }[]) {
  const ids = rows.map((row) => row.actorId);
  const [actors, approaches, initiativeCounts] = await Promise.all([
    prisma.actor.findMany({ where: { id: { in: ids } }, select: publicActorSelect }),
    approachesOf(ids),
    initiativeCountsOf(ids),
  ]);
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  return rows.flatMap((row) => {
    const actor = byId.get(row.actorId);
    if (!actor) return [];
    const { address: _a, phone: _p, email: _e, website: _w, areas, ...rest } = withoutContactColumns(actor);
    const place = row.code && row.name && row.kind ? { code: row.code, name: row.name, kind: row.kind as TerritoryKind } : null;
    return [
      {
        ...rest,
        areas: areas.map((area) => area.territory),
        initiativeCount: initiativeCounts.get(actor.id) ?? 0,
        contact: publicActorContact(actor),
        approaches: approaches.get(actor.id) ?? [],
        place,
        /** « à l'échelle de la région » for an actor that covers the place from above; null inside it. */
        scale: place && !row.local ? scaleLabel(place) : null,
      },
    ];
  });
}
export type PublicActor = Awaited<ReturnType<typeof publicActors>>[number];

export interface ActorSearchResult {
  items: PublicActor[];
  total: number;
  /** Of the total: actors inside the place (all of them without a place). */
  local: number;
  page: number;
  pageCount: number;
  place: Place | null;
  /** A place was typed and none matched it. */
  placeNotFound: boolean;
}

type ActorRow = { actorId: number; code: string | null; name: string | null; kind: string | null; local: boolean };

/**
 * One statement for a page of actors and its counts, the matches read once (`from` selects over
 * `"Actor" a` and the place rows `m`). Each row carries the totals; a page past the end is one
 * row of totals with a null actor. Words rank the names by pg_trgm's similarity (the words
 * found in the name or acronym above the description's), computed from the name's stored
 * trigrams (migration 20261201220001_actor_name_trigrams): every match is scored, and
 * `similarity()` itself extracted the trigrams of each (290 ms for the 18,000 actors a frequent
 * word finds among 20,000).
 */
function actorPageSql(from: Prisma.Sql, words: string, limit: number, offset: number): Prisma.Sql {
  const score = words ? Prisma.sql`reperes_trigram_similarity(a."nameTrigrams", reperes_trigram_ids(${words}::text))` : Prisma.sql`0::real`;
  const order = (alias: string) => Prisma.raw(`${alias}.local DESC, ${alias}.score DESC, ${alias}."sortName", ${alias}."actorId"`);
  return Prisma.sql`
    WITH matched AS MATERIALIZED (
      SELECT a.id AS "actorId", m.code, m.name, m.kind, m.local, a.name AS "sortName", ${score} AS score ${from}
    ), counts AS (SELECT count(*)::int AS total, count(*) FILTER (WHERE local)::int AS "localTotal" FROM matched)
    SELECT c.total, c."localTotal", p."actorId", p.code, p.name, p.kind, p.local
    FROM counts c LEFT JOIN LATERAL (SELECT * FROM matched x ORDER BY ${order("x")} LIMIT ${limit} OFFSET ${offset}) p ON TRUE
    ORDER BY ${order("p")}`;
}

/**
 * /acteurs: public actors by words, place (inside / covering), kind and approach. A caller that
 * has already resolved the place (the page, to fill its form) passes its choice.
 */
export async function searchActors(query: ActorQuery, pageSize = ACTOR_PAGE_SIZE, choice?: PlaceChoice): Promise<ActorSearchResult> {
  const { place, unknown: placeNotFound } = choice ?? (await choosePlace(query.lieu, query.territoire));
  const conditions: Prisma.Sql[] = [publicSql("a"), ...textConditions(query.q)];
  if (query.type) conditions.push(Prisma.sql`a.kind = ${actorKindParams[query.type] as ActorKind}::"ActorKind"`);
  if (query.approche) conditions.push(approachCondition(query.approche));
  const matched = place
    ? Prisma.sql`JOIN (${actorsAtPlaceSql(place.code, query.portee)}) m ON m."actorId" = a.id`
    : Prisma.sql`CROSS JOIN (SELECT NULL::text AS code, NULL::text AS name, NULL::text AS kind, TRUE AS local) m`;
  if (placeNotFound) return { items: [], total: 0, local: 0, page: query.page, pageCount: 1, place, placeNotFound };
  const from = Prisma.sql`FROM "Actor" a ${matched} WHERE ${Prisma.join(conditions, " AND ")}`;
  const rows = await queryRows<ActorRow & { total: number; localTotal: number }>(
    prisma,
    actorPageSql(from, queryWords(query.q).join(" "), pageSize, (query.page - 1) * pageSize),
  );
  const total = rows[0]?.total ?? 0;
  return {
    items: await publicActors(rows.filter((row) => row.actorId !== null)),
    total,
    local: rows[0]?.localTotal ?? 0,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    place,
    placeNotFound,
  };
}

/**
 * « Qui contacter » for a place: public actors active in it or covering it (area of
 * intervention, else own territory), local ones first, then from the smallest scale up.
 * Null for an unknown place.
 */
export async function whoToContact(code: string, scope: PlaceScope = "tous", limit = WHO_TO_CONTACT_LIMIT) {
  const place = await findPlace(prisma, code);
  if (!place) return null;
  const atPlace = actorsAtPlaceSql(code, scope);
  const [rows, [count]] = await Promise.all([
    queryRows<{ actorId: number; code: string; name: string; kind: string; local: boolean }>(
      prisma,
      Prisma.sql`
      SELECT m.* FROM (${atPlace}) m JOIN "Actor" a ON a.id = m."actorId"
      ORDER BY m.local DESC, m.kind DESC, a.name, a.id LIMIT ${limit}`,
    ),
    queryRows<{ total: number; local: number }>(
      prisma,
      Prisma.sql`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE m.local)::int AS local FROM (${atPlace}) m`,
    ),
  ]);
  return { place, items: await publicActors(rows), total: count?.total ?? 0, local: count?.local ?? 0 };
}

/** Filter choices of /acteurs: approaches that some public actor's published initiative has. */
export function actorApproachChoices() {
  return queryRows<{ slug: string; label: string }>(
    prisma,
    Prisma.sql`
    SELECT ap.slug, ap.label FROM "Approach" ap
    WHERE ap."deletedAt" IS NULL AND EXISTS (SELECT 1 FROM "InitiativeApproach" x
      JOIN "Initiative" i ON i.id = x."initiativeId" AND ${publicSql("i")}
      JOIN "InitiativeActor" ia ON ia."initiativeId" = i.id
      JOIN "Actor" a ON a.id = ia."actorId" AND ${publicSql("a")}
      WHERE x."approachId" = ap.id)
    ORDER BY ap.position, ap.label`,
  );
}

/** The actor page: public fields, contact through the consent rule, area of intervention, approaches. */
export async function getPublicActor(actorSlug: string) {
  const actor = await prisma.actor.findFirst({
    where: { slug: actorSlug, status: "PUBLISHED", deletedAt: null },
    select: {
      ...publicActorSelect,
      publishedAt: true,
      lastVerifiedAt: true,
      initiatives: {
        where: { initiative: { status: "PUBLISHED", deletedAt: null } },
        orderBy: { initiative: { title: "asc" } },
        select: { role: true, initiative: { select: { slug: true, title: true, summary: true } } },
      },
    },
  });
  if (!actor) return null;
  const { address: _a, phone: _p, email: _e, website: _w, ...rest } = withoutContactColumns(actor);
  const approaches = (await approachesOf([actor.id])).get(actor.id) ?? [];
  return { ...rest, areas: actor.areas.map((area) => area.territory), contact: publicActorContact(actor), approaches };
}
