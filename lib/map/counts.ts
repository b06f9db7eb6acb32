import "server-only";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import type { SearchQuery } from "@/lib/search/query";
import { matchingInitiativeIdsSql } from "@/lib/search/filters-sql";
import { interpretQuery } from "@/lib/search/service";
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

/**
 * How many initiatives matching `query` each territory of `level` holds, an initiative counting
 * for a territory when one of its territories is that one or lies inside it (TerritoryAncestor);
 * `within` limits the territories to a département or EPCI (see withinZoomSql). One query.
 * The matching initiatives are exactly those of /initiatives (the search service's filter).
 */
export async function countInitiativesByTerritory(
  db: Database,
  typed: SearchQuery,
  level: MapLevel,
  within?: string,
): Promise<TerritoryCounts> {
  const { query } = await interpretQuery(db, typed);
  const rows = await db.$queryRaw<{ code: string | null; count: number; total: number | null }[]>(Prisma.sql`
    WITH matching AS (SELECT m."initiativeId" AS id FROM (${matchingInitiativeIdsSql(query)}) m),
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
