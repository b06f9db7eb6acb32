import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { placeScopeSql, type PlaceScope } from "@/lib/search/place-scope";
import { findTerritories } from "./search";
import { cleanSearchText } from "./search-text";

export type TerritoryKind = "REGION" | "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV";
export interface Place {
  code: string;
  name: string;
  kind: TerritoryKind;
}

/** The place a list is filtered by, as the person chose it: typed words (`lieu`) or a code (`territoire`). */
export interface PlaceChoice {
  place: Place | null;
  /** What was typed, when the place came from typed words. */
  typed: string;
  /** Other places the typed words could mean, offered as links. */
  alternatives: Place[];
  /** Something was asked for that names no known place. */
  unknown: boolean;
}

export const PLACE_TEXT_MAX = 80;
export const territoryCodeSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/);

/**
 * Typed words win over a code (the form sends the new words while the URL still holds the
 * old code); the best match is applied at once and the next ones offered. Never throws on
 * what a person can type.
 */
export async function choosePlace(lieu: string | undefined, territoire: string | undefined): Promise<PlaceChoice> {
  const typed = cleanSearchText(lieu ?? "", PLACE_TEXT_MAX);
  if (typed) {
    const matches = await findTerritories(typed, 6);
    return { place: matches[0] ?? null, typed, alternatives: matches.slice(1), unknown: matches.length === 0 };
  }
  const code = territoryCodeSchema.safeParse(territoire?.trim());
  if (!territoire?.trim()) return { place: null, typed: "", alternatives: [], unknown: false };
  const place = code.success ? await prisma.territory.findUnique({ where: { code: code.data }, select: { code: true, name: true, kind: true } }) : null;
  return { place, typed: "", alternatives: [], unknown: !place };
}

/**
 * The codes of the territories a place brings under a scope, as an array computed once
 * (placeScopeSql on the territory table: a few thousand rows at most). `column = ANY(this)`
 * lets PostgreSQL use the column's index; placeScopeSql on a big table's column, or a join
 * with this set, made it probe or merge the whole table (seconds at 200,000 initiatives).
 */
export function territoriesInScopeSql(codes: string[], scope: PlaceScope): Prisma.Sql {
  return Prisma.sql`ARRAY(SELECT t.code FROM "Territory" t WHERE ${placeScopeSql(Prisma.sql`t.code`, codes, scope)})`;
}
