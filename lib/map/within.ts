import { Prisma } from "@/lib/db/generated/client";

/**
 * The territory `t` lies in the zoomed area `within`: inside it, or (an EPCI seen from a
 * département) with at least one member inside it, since an EPCI may span two départements.
 */
export function withinZoomSql(within: string | undefined): Prisma.Sql {
  if (!within) return Prisma.empty;
  return Prisma.sql`AND EXISTS (
    SELECT 1 FROM "TerritoryAncestor" w
    WHERE w."ancestorCode" = ${within}
      AND (w."descendantCode" = t.code OR w."descendantCode" IN (SELECT p."childCode" FROM "TerritoryParent" p WHERE p."parentCode" = t.code)))`;
}
