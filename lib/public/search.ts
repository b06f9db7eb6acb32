import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { SearchQuery } from "@/lib/search/query";
import { searchInitiatives, type SearchOptions } from "@/lib/search/service";

export function search(query: SearchQuery, options?: SearchOptions) {
  return searchInitiatives(prisma, query, options);
}

/** What the territory picker accepts: a few words of a place name, alias or code. */
export const placeQuerySchema = z.string().trim().max(80).catch("");

/**
 * Territories whose name, alias or code matches, accent- and case-insensitively ("acso",
 * "creil", "59512"): prefix matches first, then by trigram similarity (GIN index on searchText).
 */
export async function findTerritories(text: string, limit = 10) {
  const needle = text.trim();
  if (needle.length < 2) return [];
  return prisma.$queryRaw<{ code: string; name: string; kind: "REGION" | "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV" }[]>(Prisma.sql`
    WITH q AS (SELECT lower(reperes_unaccent(${needle})) AS q)
    SELECT t.code, t.name, t.kind FROM "Territory" t, q
    WHERE t."searchText" LIKE '%' || replace(replace(q.q, '%', ''), '_', '') || '%' OR t."searchText" % q.q
    ORDER BY (t."searchText" LIKE replace(replace(q.q, '%', ''), '_', '') || '%') DESC,
             (t.code = ${needle}) DESC, similarity(t."searchText", q.q) DESC, t.kind, t.name
    LIMIT ${limit}`);
}
