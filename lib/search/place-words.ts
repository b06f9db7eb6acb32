/**
 * Words of a query that name a place: « discriminations Roubaix » is the text « discriminations »
 * in the place Roubaix. The longest run of words equal to a territory's name or alias (case,
 * accents, hyphens and apostrophes aside: « nogent sur oise », « Creil Sud Oise », « ACSO ») is
 * taken out of the text and becomes a place filter, so that a place word finds what lies in that
 * place, not only what mentions it. The search service calls it, so that the page, the API, the
 * exports, the feeds and the map read a query alike; `interpreter=non` turns it off.
 */
import { queryRows } from "@/lib/db/raw";
import { foldText } from "@/lib/format/fold";
import type { Database } from "@/lib/db/connect";
import { VersionedCache } from "./cache";
import { Prisma } from "@/lib/db/generated/client";

export interface UnderstoodPlace {
  /** The words of the query, as typed. */
  words: string;
  code: string;
  name: string;
}

export interface PlaceReading {
  /** The query without its place words. */
  q: string;
  places: UnderstoodPlace[];
}

interface PlaceName {
  code: string;
  name: string;
  rank: number;
}

/** Longest place name tried, in words (« Saint-Vaast-lès-Mello », « Communauté de communes … »). */
const MAX_PLACE_WORDS = 8;

/**
 * One-word commune names that are also words of the field or of everyday French: a practitioner
 * typing them means the word (« croix », « avion »), so they are never read as places alone.
 */
const COMMON_WORDS = new Set([
  "contre",
  "sans",
  "avec",
  "aux",
  "des",
  "les",
  "fins",
  "avion",
  "baron",
  "croix",
  "frise",
  "gland",
  "dives",
  "erre",
  "fiefs",
  "hamel",
  "mons",
  "bours",
  "iron",
  "vers",
  "plus",
  "marche",
  "maison",
  "ecoles",
  "foret",
  "bois",
  "mont",
  "pont",
  "port",
  "val",
  "ville",
  "sains",
]);

/** Prefixes of EPCI names that people leave out (« CA Creil Sud Oise » is « Creil Sud Oise »). */
const EPCI_PREFIX = /^(ca|cc|cu|communaute d agglomeration|communaute de communes|communaute urbaine|metropole) (?=\S)/;

const KIND_RANK: Record<string, number> = { COMMUNE: 0, EPCI: 1, DEPARTEMENT: 2, REGION: 3, QPV: 4 };

/**
 * The key of typed words, as reperes_place_key() keys the territories' names and aliases in SQL
 * ("nameKey", "aliasKeys"; migration 20261201110000_place_lookup): lower case, no accents, words
 * separated by one space (hyphens and apostrophes are spaces), « St »/« Ste » read as « Saint »/
 * « Sainte ». A test holds the two equal over every territory.
 */
export function placeKey(text: string): string {
  const words = foldText(text).replace(/[^a-z0-9]+/g, " ");
  return ` ${words} `
    .replace(/ st (?=\S)/g, " saint ")
    .replace(/ ste (?=\S)/g, " sainte ")
    .trim();
}

/** The latest version's index only: place names change rarely, and all at once. */
const indexes = new VersionedCache<Map<string, PlaceName>>(1);

/**
 * Every territory by the key of its name and aliases; a key shared by two places goes to the
 * commune, then the larger kinds, and among places of one kind to the most populous (« Dury »).
 */
function placeNames(db: Database, version: string | undefined): Promise<Map<string, PlaceName>> {
  return indexes.get(db, version, [], () =>
    queryRows<{ code: string; name: string; kind: string; nameKey: string; aliasKeys: string[] }>(
      db,
      Prisma.sql`SELECT code, name, kind::text AS kind, "nameKey", "aliasKeys" FROM "Territory" ORDER BY population DESC NULLS LAST, code`,
    ).then((rows) => {
      const byKey = new Map<string, PlaceName>();
      const add = (key: string, place: PlaceName) => {
        if (!key || (!key.includes(" ") && (key.length < 3 || COMMON_WORDS.has(key)))) return;
        const known = byKey.get(key);
        if (!known || place.rank < known.rank) byKey.set(key, place);
      };
      for (const row of rows) {
        const place = { code: row.code, name: row.name, rank: KIND_RANK[row.kind] ?? 9 };
        const key = row.nameKey;
        add(key, place);
        if (row.kind === "EPCI") add(key.replace(EPCI_PREFIX, ""), place);
        // Aliases are typed on purpose (« ACSO », « MEL »): short ones count too.
        for (const aliasKey of row.aliasKeys) {
          if (aliasKey.length >= 2 && !byKey.has(aliasKey)) byKey.set(aliasKey, place);
        }
      }
      return byKey;
    }),
  );
}

/**
 * Takes the place words out of a query, longest match first. `version` is the version of the
 * place names (row 2 of "SearchVersion", moved by any change to "Territory"): the names are read
 * once per version.
 */
export async function readPlaceWords(db: Database, q: string, version: string | undefined): Promise<PlaceReading> {
  const typed = q.split(/\s+/).filter(Boolean);
  // Keys per typed word; a hyphenated word is several key words (« Nogent-sur-Oise »).
  const words = typed.flatMap((word, index) =>
    placeKey(word)
      .split(" ")
      .filter(Boolean)
      .map((key) => ({ key, index })),
  );
  if (words.length === 0) return { q, places: [] };
  const names = await placeNames(db, version);
  const places: UnderstoodPlace[] = [];
  const taken = new Set<number>();
  let at = 0;
  while (at < words.length) {
    let found: { span: number; place: PlaceName } | undefined;
    for (let span = Math.min(MAX_PLACE_WORDS, words.length - at); span >= 1 && !found; span--) {
      const place = names.get(
        words
          .slice(at, at + span)
          .map((w) => w.key)
          .join(" "),
      );
      // A match must cover whole typed words: « Saint » of « Saint-Leu-d'Esserent » is not a place.
      const first = words[at]!.index;
      const last = words[at + span - 1]!.index;
      const whole = (at === 0 || words[at - 1]!.index !== first) && (at + span === words.length || words[at + span]!.index !== last);
      if (place && whole) found = { span, place };
    }
    if (!found) {
      at++;
      continue;
    }
    const first = words[at]!.index;
    const last = words[at + found.span - 1]!.index;
    for (let index = first; index <= last; index++) taken.add(index);
    if (!places.some((p) => p.code === found.place.code)) {
      places.push({ words: typed.slice(first, last + 1).join(" "), code: found.place.code, name: found.place.name });
    }
    at += found.span;
  }
  return { q: typed.filter((_, index) => !taken.has(index)).join(" "), places };
}
