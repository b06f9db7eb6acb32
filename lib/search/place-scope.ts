/**
 * Which entries a chosen place brings: those that lie inside it (« local »: the place itself
 * or any territory within it), those that cover it (« couvrant »: an entry attached to one of
 * its ancestors, its EPCI, département or région), or both (« tous », the default). A place
 * never brings its siblings: Roubaix is inside the MEL, so an entry of the MEL covers Roubaix,
 * but an entry of Lille (inside the MEL too) does not.
 *
 * Shared by every list filtered by place (initiatives, actors, lessons) and every output of
 * them (pages, API, exports, feeds, map), so that one URL parameter means one thing everywhere.
 */
import { z } from "zod";
import { Prisma } from "@/lib/db/generated/client";

export const PLACE_SCOPES = ["tous", "local", "couvrant"] as const;
export type PlaceScope = (typeof PLACE_SCOPES)[number];
export const DEFAULT_PLACE_SCOPE: PlaceScope = "tous";
/** The URL parameter, the same on pages, API, exports and feeds. */
export const PLACE_SCOPE_PARAM = "portee";

export const placeScopeSchema = z.enum(PLACE_SCOPES);

/** Never throws: an unknown value falls back to the default, like the other search parameters. */
export function parsePlaceScope(value: string | null | undefined): PlaceScope {
  const parsed = placeScopeSchema.safeParse(value?.trim());
  return parsed.success ? parsed.data : DEFAULT_PLACE_SCOPE;
}

/**
 * SQL condition: the territory `column` (an entry's own place) lies inside one of `codes`
 * (local), is an ancestor of one of them (couvrant), or either (tous). `codes` must not be empty.
 */
export function placeScopeSql(column: Prisma.Sql, codes: string[], scope: PlaceScope): Prisma.Sql {
  const inside = Prisma.sql`EXISTS (SELECT 1 FROM "TerritoryAncestor" pa
    WHERE pa."descendantCode" = ${column} AND pa."ancestorCode" = ANY(${codes}::text[]))`;
  const covering = Prisma.sql`EXISTS (SELECT 1 FROM "TerritoryAncestor" pa
    WHERE pa."ancestorCode" = ${column} AND pa."descendantCode" = ANY(${codes}::text[]) AND pa.depth > 0)`;
  if (scope === "local") return inside;
  if (scope === "couvrant") return covering;
  return Prisma.sql`(${inside} OR ${covering})`;
}
