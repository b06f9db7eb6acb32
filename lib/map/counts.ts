import "server-only";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { actorKindParams, type SearchQuery } from "@/lib/search/query";
import { withinZoomSql } from "./within";

export type MapLevel = "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV";

export interface TerritoryCounts {
  /** Matching initiatives per territory of the level (only territories with at least one). */
  byTerritory: Map<string, number>;
  /** Matching initiatives placed in at least one territory of the level (within the zoom). */
  placed: number;
  /** Every matching initiative, placed on this map or not (a région-wide one, say). */
  total: number;
}

const VOCABULARY_FILTERS = [
  { key: "approche", link: "InitiativeApproach", column: "approachId", table: "Approach" },
  { key: "theme", link: "InitiativeTheme", column: "themeId", table: "Theme" },
  { key: "critere", link: "InitiativeCriterion", column: "criterionId", table: "DiscriminationCriterion" },
  { key: "domaine", link: "InitiativeDomain", column: "domainId", table: "Domain" },
  { key: "public", link: "InitiativePublic", column: "publicId", table: "Public" },
] as const;

/**
 * The initiatives a search matches, as a condition on `i` ("Initiative"): published and not in
 * the trash (lib/public/visibility.ts), OR within a facet, AND across facets, a territory
 * including everything inside it. This is the map's own copy of the rule; the search service
 * (lib/search/service.ts) owns the reference one, and this function's body is meant to become
 * a call to it, so that the map and /initiatives can never disagree.
 */
function matchingInitiativeSql(query: SearchQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`i.status = 'PUBLISHED' AND i."deletedAt" IS NULL`];
  if (query.territoire.length > 0) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "InitiativeTerritory" ft JOIN "TerritoryAncestor" fa ON fa."descendantCode" = ft."territoryCode"
      WHERE ft."initiativeId" = i.id AND fa."ancestorCode" = ANY(${query.territoire}))`);
  }
  for (const { key, link, column, table } of VOCABULARY_FILTERS) {
    if (query[key].length === 0) continue;
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM ${Prisma.raw(`"${link}"`)} fl JOIN ${Prisma.raw(`"${table}"`)} fv ON fv.id = fl.${Prisma.raw(`"${column}"`)}
      WHERE fl."initiativeId" = i.id AND fv."deletedAt" IS NULL AND fv.slug = ANY(${query[key]}))`);
  }
  if (query.acteur.length > 0) {
    const kinds = query.acteur.map((param) => actorKindParams[param]);
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "InitiativeActor" fl JOIN "Actor" fa ON fa.id = fl."actorId"
      WHERE fl."initiativeId" = i.id AND fa.status = 'PUBLISHED' AND fa."deletedAt" IS NULL AND fa.kind::text = ANY(${kinds}))`);
  }
  if (query.statut.length === 1) conditions.push(query.statut[0] === "en-cours" ? Prisma.sql`i.ongoing` : Prisma.sql`NOT i.ongoing`);
  if (query.annee.length > 0) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM unnest(${query.annee}::int[]) AS y(year)
      WHERE coalesce(i."startYear", i."endYear") <= y.year
        AND coalesce(i."endYear", CASE WHEN i.ongoing THEN 9999 ELSE i."startYear" END) >= y.year)`);
  }
  if (query.q) conditions.push(Prisma.sql`i."searchVector" @@ websearch_to_tsquery('french_unaccent', ${query.q})`);
  return Prisma.join(conditions, " AND ");
}

/**
 * How many initiatives matching `query` each territory of `level` holds, an initiative counting
 * for a territory when one of its territories is that one or lies inside it (TerritoryAncestor);
 * `within` limits the territories to a département or EPCI (see withinZoomSql). One query.
 */
export async function countInitiativesByTerritory(db: Database, query: SearchQuery, level: MapLevel, within?: string): Promise<TerritoryCounts> {
  const rows = await db.$queryRaw<{ code: string | null; count: number; total: number | null }[]>(Prisma.sql`
    WITH matching AS (SELECT i.id FROM "Initiative" i WHERE ${matchingInitiativeSql(query)}),
    placed AS (
      SELECT t.code, m.id
      FROM matching m
      JOIN "InitiativeTerritory" it ON it."initiativeId" = m.id
      JOIN "TerritoryAncestor" ta ON ta."descendantCode" = it."territoryCode"
      JOIN "Territory" t ON t.code = ta."ancestorCode" AND t.kind = ${level}::"TerritoryKind" ${withinZoomSql(within)}
    )
    SELECT code, count(DISTINCT id)::int AS count, NULL::int AS total FROM placed GROUP BY code
    UNION ALL
    SELECT NULL, (SELECT count(DISTINCT id)::int FROM placed), (SELECT count(*)::int FROM matching)`);
  const byTerritory = new Map<string, number>();
  let placed = 0;
  let total = 0;
  for (const row of rows) {
    if (row.code === null) {
      placed = row.count;
      total = row.total ?? 0;
    } else byTerritory.set(row.code, row.count);
  }
  return { byTerritory, placed, total };
}
