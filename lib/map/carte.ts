import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { actorKindLabels, progressLabels } from "@/lib/format/labels";
import { actorKindParams, FILTER_KEYS, type ActorKindParam, type SearchQuery } from "@/lib/search/query";
import { interpretQuery } from "@/lib/search/service";
import { countInitiativesByTerritory } from "./counts";
import { classOf, legendClasses, type LegendClass } from "./legend";
import type { ProjectedMap } from "./render";
import { getProjectedMap, type MapZoom } from "./shapes";
import { levelsFor, resolveLevel, type MapParams, type ViewLevel } from "./view";
import { byVocabulary, VOCABULARIES, type VocabularyFacet } from "@/lib/vocabularies/registry";
import { vocabularyEntriesSql } from "@/lib/vocabularies/sql";
import { withinZoomSql } from "./within";

export interface TerritoryFigure {
  code: string;
  name: string;
  count: number;
  /** Legend class (0 = none). */
  shade: number;
}

export interface CarteData {
  level: ViewLevel;
  levels: ViewLevel[];
  zoom?: MapZoom & { name: string };
  zoomOptions: { departements: { code: string; name: string }[]; epci: { code: string; name: string }[] };
  /** Null when no contour of this level was imported: the page explains how, and shows the table. */
  map: ProjectedMap | null;
  figures: TerritoryFigure[];
  qpv: Map<string, number>;
  legend: LegendClass[];
  placed: number;
  total: number;
}

async function territoriesOf(level: ViewLevel, within?: string) {
  return prisma.$queryRaw<{ code: string; name: string }[]>(Prisma.sql`
    SELECT t.code, t.name FROM "Territory" t
    WHERE t.kind = ${level}::"TerritoryKind" ${withinZoomSql(within)}
    ORDER BY t.name, t.code`);
}

/** Everything /carte shows for a search and a map view. */
export async function getCarteData(query: SearchQuery, params: MapParams): Promise<CarteData> {
  // The words are read once for both counts below (place words: lib/search/place-words.ts).
  const [{ query: read }, zoomTerritory, departements, epci] = await Promise.all([
    interpretQuery(prisma, query),
    params.zoom
      ? prisma.territory.findFirst({
          where: { code: params.zoom, kind: { in: ["DEPARTEMENT", "EPCI"] } },
          select: { code: true, name: true, kind: true },
        })
      : null,
    prisma.territory.findMany({ where: { kind: "DEPARTEMENT" }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
    prisma.territory.findMany({ where: { kind: "EPCI" }, select: { code: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const zoom = zoomTerritory ? { ...zoomTerritory, kind: zoomTerritory.kind as MapZoom["kind"] } : undefined;
  const level = resolveLevel(params.niveau, zoom?.kind);
  const [map, territories, counts, qpvCounts] = await Promise.all([
    getProjectedMap(prisma, level, zoom),
    territoriesOf(level, zoom?.code),
    countInitiativesByTerritory(prisma, { ...read, interpret: false }, level, zoom?.code),
    countInitiativesByTerritory(prisma, { ...read, interpret: false }, "QPV", zoom?.code),
  ]);
  const legend = legendClasses(Math.max(0, ...counts.byTerritory.values()));
  const figures = territories.map(({ code, name }) => {
    const count = counts.byTerritory.get(code) ?? 0;
    return { code, name, count, shade: classOf(count, legend) };
  });
  return {
    level,
    levels: levelsFor(zoom?.kind),
    zoom,
    zoomOptions: { departements, epci },
    map,
    figures,
    qpv: qpvCounts.byTerritory,
    legend,
    placed: counts.placed,
    total: counts.total,
  };
}

function plainLabel(key: (typeof FILTER_KEYS)[number], value: string): string {
  if (key === "statut") return value === "en-cours" ? progressLabels["en-cours"] : progressLabels.termine;
  if (key === "acteur" && value in actorKindParams) return actorKindLabels[actorKindParams[value as ActorKindParam]];
  return value;
}

export interface ActiveFilter {
  key: keyof SearchQuery;
  value: string;
  label: string;
}

/** The search filters in force, with their French labels, to show them (and remove them) on the map. */
export async function describeFilters(query: SearchQuery): Promise<ActiveFilter[]> {
  const selected = VOCABULARIES.filter((vocabulary) => query[vocabulary.facet].length > 0);
  const [territories, entries] = await Promise.all([
    prisma.territory.findMany({ where: { code: { in: query.territoire } }, select: { code: true, name: true } }),
    selected.length === 0
      ? []
      : prisma.$queryRaw<{ facet: VocabularyFacet; value: string; label: string }[]>(
          vocabularyEntriesSql(selected, (vocabulary) => Prisma.sql`slug = ANY(${query[vocabulary.facet]}::text[])`),
        ),
  ]);
  const labels: Partial<Record<keyof SearchQuery, Map<string, string>>> = {
    territoire: new Map(territories.map((t) => [t.code, t.name])),
    ...byVocabulary("facet", (vocabulary) => new Map(entries.filter((e) => e.facet === vocabulary.facet).map((e) => [e.value, e.label]))),
  };
  const filters: ActiveFilter[] = [];
  if (query.q) filters.push({ key: "q", value: query.q, label: `« ${query.q} »` });
  for (const key of FILTER_KEYS) {
    for (const raw of query[key]) {
      const value = String(raw);
      filters.push({ key, value, label: labels[key]?.get(value) ?? plainLabel(key, value) });
    }
  }
  return filters;
}

/** The query without one filter value: the target of a chip's "remove" link. */
export function withoutFilter(query: SearchQuery, filter: ActiveFilter): SearchQuery {
  if (filter.key === "q") return { ...query, q: "" };
  const key = filter.key as (typeof FILTER_KEYS)[number];
  return { ...query, [key]: (query[key] as (string | number)[]).filter((v) => String(v) !== filter.value) };
}
