/**
 * Which territories the territory facet lists: few enough to read (the départements, the chosen
 * places and their ancestors, the next level down on demand), never every commune at once.
 */
import { Prisma } from "@/lib/db/generated/client";

/**
 * The next level down of some territories: région → départements, département → the EPCI with a
 * commune in it (an EPCI may span two départements, so it is not linked under one), EPCI →
 * communes, commune → QPV. Shared by the territory facet and the territory pages.
 */
export function territoryChildrenSql(codes: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT l."childCode" AS code FROM "TerritoryParent" l
    JOIN "Territory" p ON p.code = l."parentCode" JOIN "Territory" c ON c.code = l."childCode"
    WHERE l."parentCode" = ANY(${codes}::text[])
      AND ((p.kind = 'REGION' AND c.kind = 'DEPARTEMENT') OR p.kind IN ('EPCI', 'COMMUNE'))
    UNION
    SELECT e."parentCode" FROM "TerritoryParent" d
    JOIN "Territory" dt ON dt.code = d."parentCode" AND dt.kind = 'DEPARTEMENT'
    JOIN "TerritoryParent" e ON e."childCode" = d."childCode"
    JOIN "Territory" et ON et.code = e."parentCode" AND et.kind = 'EPCI'
    WHERE d."parentCode" = ANY(${codes}::text[])`;
}

/** Which territories the territory facet shows, beyond the départements. */
export interface TerritoryDisplay {
  /** Shown with their ancestors (the selected places). */
  shown: string[];
  /** Shown with their next level down, on demand (« voir les communes »). */
  expanded: string[];
}

/**
 * Territories shown in the facet: the départements, the shown ones and their ancestors (Roubaix
 * brings the MEL, the Nord and the région, never the MEL's other 94 communes), and the next level
 * down of the expanded ones only.
 */
export function territoryDisplaySql(display: TerritoryDisplay): Prisma.Sql {
  return Prisma.sql`
    SELECT code FROM "Territory" WHERE kind = 'DEPARTEMENT'
    UNION SELECT a."ancestorCode" FROM "TerritoryAncestor" a WHERE a."descendantCode" = ANY(${display.shown}::text[])
    UNION ${territoryChildrenSql(display.expanded)}`;
}
