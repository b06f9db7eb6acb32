/**
 * The one place lookup, for the public picker, the territories API and the staff pickers: a
 * place as people type it. In order: an official code or a postcode (its communes, most
 * populous first), an abbreviation or alias, the exact name, the start of the name or of one of
 * its words, then names within a few typos. Ties and near-ties go to the largest population:
 * "Lille" is the commune before Lillers, "saint" is Saint-Quentin first.
 *
 * Names are compared through reperes_place_key() (migration 20261201110000_place_lookup): no
 * case, accents, hyphens nor apostrophes, "St" as "Saint". Every branch reads an index of
 * "Territory" (code, postcodes, aliasKeys, nameKey trigrams).
 *
 * The database comes as an argument, so that the benchmark and tests can time it.
 */
import { queryRows } from "@/lib/db/raw";
import "server-only";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { territoryCode } from "@/lib/search/query";
import { cleanPlaceText, PLACE_KINDS, PLACE_MIN_LENGTH, type PlaceKind, type PlaceMatch } from "./place-text";

/** Codes and postcodes are typed with spaces ("59 100") and in any case ("qn05912m"). */
function codeCandidate(text: string): string | null {
  const compact = text.replace(/\s+/g, "");
  return /^[0-9A-Za-z_-]{2,64}$/.test(compact) ? compact : null;
}

/** The name of the département a territory lies in (a scalar subquery), null when none. */
export function departementNameSql(code: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT d.name FROM "TerritoryAncestor" a JOIN "Territory" d ON d.code = a."ancestorCode" AND d.kind = 'DEPARTEMENT'
    WHERE a."descendantCode" = ${code} AND a.depth > 0 ORDER BY a.depth LIMIT 1)`;
}

export async function lookupPlaces(
  db: Database,
  text: string,
  options: { limit?: number; kinds?: PlaceKind[] } = {},
): Promise<PlaceMatch[]> {
  const clean = cleanPlaceText(text);
  if (clean.length < PLACE_MIN_LENGTH) return [];
  const limit = Math.max(1, Math.min(options.limit ?? 10, 200));
  const kinds = options.kinds?.length ? options.kinds : PLACE_KINDS;
  const code = codeCandidate(clean);
  const codes = code ? [...new Set([code, code.toUpperCase()])] : [];
  const postcode = code && /^\d{5}$/.test(code) ? code : null;
  // Each reason has its band (a code and a postcode share one: "59100" is Bousignies' code and
  // Roubaix's postcode); within a band, similarity (typos only, by tenths, so that near-ties fall
  // to population) then population.
  // The key is written out in every branch, not read from a CTE: reperes_place_key() is
  // IMMUTABLE, so the planner folds it to a constant and can use the indexes on it.
  const key = Prisma.sql`reperes_place_key(${clean})`;
  const long = (min: number) => Prisma.sql`length(${key}) >= ${min}`;
  return queryRows<PlaceMatch>(
    db,
    Prisma.sql`
    WITH candidates AS (
      SELECT t.code, 0 AS band, 1::real AS score FROM "Territory" t WHERE t.code = ANY(${codes}::text[])
      UNION ALL
      SELECT t.code, 0, 1 FROM "Territory" t WHERE ${postcode}::text IS NOT NULL AND t.postcodes @> ARRAY[${postcode}::text]
      UNION ALL
      SELECT t.code, 1, 1 FROM "Territory" t WHERE ${long(PLACE_MIN_LENGTH)} AND t."aliasKeys" @> ARRAY[${key}]
      UNION ALL
      SELECT t.code, 2, 1 FROM "Territory" t WHERE ${long(PLACE_MIN_LENGTH)} AND t."nameKey" = ${key}
      UNION ALL
      SELECT t.code, 3, 1 FROM "Territory" t WHERE ${long(PLACE_MIN_LENGTH)} AND t."nameKey" LIKE ${key} || '%'
      UNION ALL
      SELECT t.code, 3, 1 FROM "Territory" t, unnest(t."aliasKeys") a
      WHERE ${long(PLACE_MIN_LENGTH)} AND t."aliasKeys" <> '{}' AND a LIKE ${key} || '%'
      UNION ALL
      SELECT t.code, 4, 1 FROM "Territory" t WHERE ${long(PLACE_MIN_LENGTH)} AND t."nameKey" LIKE '% ' || ${key} || '%'
      UNION ALL
      SELECT t.code, 5, similarity(t."nameKey", ${key}) FROM "Territory" t WHERE ${long(3)} AND t."nameKey" % ${key}
    ),
    best AS (
      SELECT c.code, min(c.band) AS band, max(c.score) AS score FROM candidates c GROUP BY c.code
    )
    SELECT t.code, t.name, t.kind::text AS kind, t.population, t.postcodes,
      ${departementNameSql(Prisma.sql`t.code`)} AS departement,
      CASE WHEN b.band > 0 THEN (ARRAY['alias', 'name', 'prefix', 'prefix', 'approx'])[b.band]
           WHEN t.code = ANY(${codes}::text[]) THEN 'code' ELSE 'postcode' END AS "matchedBy"
    FROM best b JOIN "Territory" t ON t.code = b.code
    WHERE t.kind::text = ANY(${kinds}::text[])
    ORDER BY b.band, CASE WHEN b.band = 5 THEN round(b.score::numeric, 1) END DESC,
             t.population DESC NULLS LAST, t.name, t.code
    LIMIT ${limit}`,
  );
}

/** A place a list is filtered by. */
export type Place = Pick<PlaceMatch, "code" | "name" | "kind">;

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

/** Other places offered with the one applied. */
const ALTERNATIVES = 5;

/**
 * The one place resolution of the public lists: typed words or an official code into a place.
 * Typed words win over a code (a form sends the new words while the URL still holds the old
 * code); their best match is applied at once and the next ones offered. Never throws on what a
 * person can type.
 */
/** A place by its official code (null for an unknown one). */
export function findPlace(db: Database, code: string): Promise<Place | null> {
  return db.territory.findUnique({ where: { code }, select: { code: true, name: true, kind: true } });
}

export async function resolvePlace(db: Database, lieu: string | undefined, territoire: string | undefined): Promise<PlaceChoice> {
  const typed = cleanPlaceText(lieu ?? "");
  if (typed) {
    const matches = await lookupPlaces(db, typed, { limit: ALTERNATIVES + 1 });
    const [place, ...alternatives] = matches.map(({ code, name, kind }) => ({ code, name, kind }));
    return { place: place ?? null, typed, alternatives, unknown: !place };
  }
  const code = territoire?.trim();
  if (!code) return { place: null, typed: "", alternatives: [], unknown: false };
  const place = territoryCode.safeParse(code).success ? await findPlace(db, code) : null;
  return { place, typed: "", alternatives: [], unknown: !place };
}
