import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { SearchQuery } from "@/lib/search/query";
import { searchInitiatives, type SearchOptions } from "@/lib/search/service";
import { lookupPlaces } from "@/lib/territories/lookup";
import { cleanPlaceText, type PlaceKind } from "@/lib/territories/place-text";

export function search(query: SearchQuery, options?: SearchOptions) {
  return searchInitiatives(prisma, query, options);
}

/** What the place picker accepts: any text, cleaned as the lookup reads it (never an error). */
export const placeQuerySchema = z.string().transform(cleanPlaceText).catch("");

/** Places as people type them (name, alias, code, postcode): see lib/territories/lookup.ts. */
export function findTerritories(text: string, limit = 10, kinds?: PlaceKind[]) {
  return lookupPlaces(prisma, text, { limit, kinds });
}
