import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { placeScopeSql, type PlaceScope } from "@/lib/search/place-scope";

/**
 * The codes of the territories a place brings under a scope, as an array computed once
 * (placeScopeSql on the territory table: a few thousand rows at most). `column = ANY(this)`
 * lets PostgreSQL use the column's index; placeScopeSql on a big table's column, or a join
 * with this set, made it probe or merge the whole table (seconds at 200,000 initiatives).
 */
export function territoriesInScopeSql(codes: string[], scope: PlaceScope): Prisma.Sql {
  return Prisma.sql`ARRAY(SELECT t.code FROM "Territory" t WHERE ${placeScopeSql(Prisma.sql`t.code`, codes, scope)})`;
}
