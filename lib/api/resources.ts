import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { parseActorQuery, searchActors } from "@/lib/public/actors";
import { listApproaches, listThemes } from "@/lib/public/catalogue";
import { parseLessonQuery, searchLessons, LESSON_PAGE_SIZE } from "@/lib/public/lessons";
import { findTerritories } from "@/lib/public/search";
import { departementNameSql, findPlace } from "@/lib/territories/lookup";
import type { PlaceKind } from "@/lib/territories/place-text";
import { getInitiativeRecord } from "@/lib/opendata/initiative-records";
import { absoluteUrl, LICENCE } from "@/lib/opendata/site";
import { FILTER_KEYS, type SearchQuery } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import type {
  actorListSchema,
  initiativeDocumentSchema,
  initiativeListSchema,
  lessonListSchema,
  territoryListSchema,
  vocabularyListSchema,
} from "./schemas";
import { ApiError } from "./errors";
import type { actorsParams, lessonsParams, territoriesParams } from "./params";

const licence = { name: LICENCE.name, url: LICENCE.url };
const iso = (date: Date | null) => (date ? date.toISOString() : null);
const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Pagination block with links to the neighbouring pages (same URL, other `page`). */
function pagination(requestUrl: URL, page: number, perPage: number, total: number) {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const link = (target: number) => {
    const url = new URL(requestUrl.pathname, absoluteUrl("/"));
    for (const [key, value] of requestUrl.searchParams) if (key !== "page") url.searchParams.append(key, value);
    if (target > 1) url.searchParams.set("page", String(target));
    return url.toString();
  };
  return {
    page,
    perPage,
    total,
    pageCount,
    next: page < pageCount ? link(page + 1) : null,
    previous: page > 1 ? link(Math.min(page - 1, pageCount)) : null,
  };
}

export async function initiativeList(requestUrl: URL, query: SearchQuery, perPage: number): Promise<z.infer<typeof initiativeListSchema>> {
  const result = await searchInitiatives(prisma, query, { pageSize: perPage });
  return {
    licence,
    pagination: pagination(requestUrl, query.page, perPage, result.total),
    correctedQuery: result.correctedQuery ?? null,
    understoodPlaces: result.places,
    droppedWords: result.droppedWords ?? [],
    facets: FILTER_KEYS.map((key) => ({ parameter: key, values: result.facets[key] })),
    placeCounts: result.placeCounts ?? null,
    items: result.items.map((hit) => ({
      slug: hit.slug,
      url: absoluteUrl(`/initiatives/${hit.slug}`),
      title: hit.title,
      summary: hit.summary,
      territories: hit.territories,
      approaches: hit.approaches,
      startYear: hit.startYear,
      endYear: hit.endYear,
      ongoing: hit.ongoing,
      publishedAt: iso(hit.publishedAt),
      scale: hit.scale ?? null,
    })),
  };
}

export async function initiativeDocument(slug: string): Promise<z.infer<typeof initiativeDocumentSchema> | null> {
  const item = await getInitiativeRecord(prisma, slug);
  return item ? { licence, item } : null;
}

export async function actorList(requestUrl: URL, params: z.infer<typeof actorsParams>): Promise<z.infer<typeof actorListSchema>> {
  const perPage = params.par_page ?? 20;
  const { par_page: _perPage, page, ...filters } = params;
  // Checked strictly above; the page's parser then reads them exactly as /acteurs does.
  const query = parseActorQuery({ ...filters, page: String(page ?? 1) });
  const result = await searchActors(query, perPage);
  if (result.placeNotFound)
    throw new ApiError(
      400,
      "Valeur invalide pour le paramètre « territoire » : aucun territoire n'a ce code (voir /api/v1/territoires).",
      "territoire",
    );
  return {
    licence,
    pagination: pagination(requestUrl, query.page, perPage, result.total),
    items: result.items.map((actor) => ({
      slug: actor.slug,
      url: absoluteUrl(`/acteurs/${actor.slug}`),
      name: actor.name,
      acronym: actor.acronym,
      kind: actor.kind,
      description: actor.description,
      website: actor.contact.website,
      address: actor.contact.address,
      phone: actor.contact.phone,
      email: actor.contact.email,
      contact: actor.contact.person,
      territory: actor.territory,
      areas: actor.areas,
      approaches: actor.approaches,
      scale: actor.scale,
      initiativeCount: actor.initiativeCount,
    })),
  };
}

export async function vocabularyList(kind: "themes" | "approches"): Promise<z.infer<typeof vocabularyListSchema>> {
  const entries = kind === "themes" ? await listThemes() : await listApproaches();
  return {
    licence,
    items: entries.map((entry) => ({
      slug: entry.slug,
      url: absoluteUrl(`/${kind}/${entry.slug}`),
      label: entry.label,
      description: entry.description,
      initiativeCount: entry.initiativeCount,
    })),
  };
}

export async function territoryList(
  requestUrl: URL,
  params: z.infer<typeof territoriesParams>,
): Promise<z.infer<typeof territoryListSchema>> {
  const page = params.page ?? 1;
  const perPage = params.par_page ?? 20;
  const kind = params.niveau ? Prisma.sql`AND t.kind = ${params.niveau.toUpperCase()}::"TerritoryKind"` : Prisma.empty;
  let codes: string[];
  let total: number;
  if (params.q) {
    // The picker's matching and ranking; a search gives its best matches, on one page.
    const kinds = params.niveau ? [params.niveau.toUpperCase() as PlaceKind] : undefined;
    const matches = await findTerritories(params.q, 200, kinds);
    total = matches.length;
    codes = matches.slice((page - 1) * perPage, page * perPage).map((t) => t.code);
  } else {
    const [rows, [count]] = await Promise.all([
      prisma.$queryRaw<{ code: string }[]>(Prisma.sql`SELECT t.code FROM "Territory" t WHERE TRUE ${kind}
        ORDER BY t.kind, t.name, t.code LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`),
      prisma.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM "Territory" t WHERE TRUE ${kind}`),
    ]);
    codes = rows.map((r) => r.code);
    total = count?.n ?? 0;
  }
  const territories = await prisma.$queryRaw<Omit<z.infer<typeof territoryListSchema>["items"][number], "url">[]>(Prisma.sql`
    SELECT t.code, t.name, t.kind::text AS kind, t.aliases, t.official, t.postcodes, t.population,
           ${departementNameSql(Prisma.sql`t.code`)} AS departement
    FROM "Territory" t WHERE t.code = ANY(${codes}::text[])`);
  const byCode = new Map(territories.map((t) => [t.code, t]));
  return {
    licence,
    pagination: pagination(requestUrl, page, perPage, total),
    items: codes
      .map((code) => byCode.get(code))
      .filter((t) => t !== undefined)
      .map((t) => ({ ...t, url: absoluteUrl(`/territoires/${t.code}`) })),
  };
}

export async function lessonList(requestUrl: URL, params: z.infer<typeof lessonsParams>): Promise<z.infer<typeof lessonListSchema>> {
  const perPage = params.par_page ?? LESSON_PAGE_SIZE;
  const query = parseLessonQuery(params as Record<string, string | undefined>);
  const territory = query.territoire ? await findPlace(prisma, query.territoire) : null;
  if (query.territoire && !territory)
    throw new ApiError(400, "Territoire inconnu : aucun territoire ne porte ce code (voir /api/v1/territoires).", "territoire");
  const result = await searchLessons(query, { pageSize: perPage });
  return {
    licence,
    pagination: pagination(requestUrl, query.page, perPage, result.total),
    place: territory && { territory, local: result.local ?? 0, covering: result.total - (result.local ?? 0) },
    items: result.items.map((lesson) => ({
      slug: lesson.slug,
      url: absoluteUrl(`/enseignements/${lesson.slug}`),
      title: lesson.title,
      body: lesson.body,
      evidenceLevel: lesson.evidenceLevel,
      publishedAt: iso(lesson.publishedAt),
      // searchLessons keeps a source only when it is public: a draft's name stays private.
      source: lesson.source && {
        slug: lesson.source.slug,
        title: lesson.source.title,
        kind: lesson.source.kind,
        date: isoDay(lesson.source.date),
      },
      scale: lesson.scale,
    })),
  };
}
