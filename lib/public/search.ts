import { queryRows } from "@/lib/db/raw";
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { MAX_QUERY_LENGTH, territoryCode, type SearchQuery } from "@/lib/search/query";
import { searchInitiatives, type SearchOptions } from "@/lib/search/service";
import { territoryChildrenSql } from "@/lib/search/territory-display";
import { lookupPlaces, resolvePlace } from "@/lib/territories/lookup";
import { cleanPlaceText, type PlaceKind } from "@/lib/territories/place-text";
import { cleanSearchText } from "@/lib/format/search-text";

export function search(query: SearchQuery, options?: SearchOptions) {
  return searchInitiatives(prisma, query, options);
}

/** What the public word boxes accept (`q`): the first value, cleaned and cut (never an error). */
export const searchWordsSchema = z
  .preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z.string().transform((v) => cleanSearchText(v, MAX_QUERY_LENGTH)),
  )
  .catch("");

/** What the place picker accepts: any text, cleaned as the lookup reads it (never an error). */
export const placeQuerySchema = z.string().transform(cleanPlaceText).catch("");

/** Places as people type them (name, alias, code, postcode): see lib/territories/lookup.ts. */
export function findTerritories(text: string, limit = 10, kinds?: PlaceKind[]) {
  return lookupPlaces(prisma, text, { limit, kinds });
}

/** The place of a public list, from typed words (`lieu`) or a code (`territoire`): see resolvePlace. */
export function choosePlace(lieu: string | undefined, territoire: string | undefined) {
  return resolvePlace(prisma, lieu, territoire);
}

/** The URL parameter of the territory facet's « voir les communes »: places shown with their next level down. */
export const EXPAND_PARAM = "voir";
const MAX_EXPANDED = 5;

export function parseExpandedPlaces(raw: string | string[] | undefined): string[] {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const codes = values.slice(0, MAX_EXPANDED * 2).flatMap((value) => {
    const parsed = territoryCode.safeParse(value.trim());
    return parsed.success ? [parsed.data] : [];
  });
  return [...new Set(codes)].slice(0, MAX_EXPANDED);
}

export interface ExpandablePlace {
  code: string;
  name: string;
  kind: PlaceKind;
  /** How many territories the next level down holds (communes of an EPCI, QPV of a commune…). */
  children: number;
}

/** The selected places that have a next level down, for the « voir les communes » controls. */
export async function expandablePlaces(codes: string[]): Promise<ExpandablePlace[]> {
  if (codes.length === 0) return [];
  const counts = codes.map(
    (code) => Prisma.sql`SELECT ${code}::text AS code, count(*)::int AS children FROM (${territoryChildrenSql([code])}) c`,
  );
  return queryRows<ExpandablePlace>(
    prisma,
    Prisma.sql`
    SELECT t.code, t.name, t.kind::text AS kind, n.children
    FROM (${Prisma.join(counts, " UNION ALL ")}) n JOIN "Territory" t ON t.code = n.code
    WHERE n.children > 0 AND t.kind <> 'REGION'
    ORDER BY t.kind, t.name`,
  );
}
