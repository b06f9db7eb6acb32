/**
 * Timings of the place lookup (lib/territories/lookup.ts) over the reference territories (3,782
 * communes, 92 EPCI, départements, région, QPV, their postcodes): names as typed, typos,
 * postcodes, official codes, abbreviations, QPV names and junk. Independent of the generated
 * initiatives. Target: p95 ≤ 20 ms.
 */
import type { Database } from "@/lib/db/connect";
import { lookupPlaces } from "@/lib/territories/lookup";
import { percentiles, timed, type Percentiles } from "./measure";

export const PLACE_LOOKUP_TARGET_P95_MS = 20;

export const PLACE_LOOKUPS = [
  "Roubaix",
  "roubeix",
  "Lille",
  "lil",
  "Creil",
  "creill",
  "Amiens",
  "amien",
  "Villeneuve d'Ascq",
  "villeneuve dascq",
  "St-Quentin",
  "saint",
  "Nogent sur Oise",
  "Beauvais",
  "Dunkerque",
  "dunkerke",
  "Boulogne",
  "Hénin-Beaumont",
  "Montupet",
  "hauts de creil",
  "59100",
  "60100",
  "80000",
  "62300",
  "59 000",
  "59512",
  "200093201",
  "60",
  "MEL",
  "ACSO",
  "CUD",
  "CAPH",
  "Nord",
  "Oise",
  "somme",
  ")(*&",
  "%ff",
  "zzqqxxww",
  "x".repeat(10_000),
  "a\u0000b",
];

/** One warm-up pass, then `rounds` timed passes, one lookup at a time (round trip included). */
export async function measurePlaceLookup(db: Database, rounds = 5): Promise<Percentiles> {
  for (const text of PLACE_LOOKUPS) await lookupPlaces(db, text);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of PLACE_LOOKUPS) samples.push(await timed(() => lookupPlaces(db, text)));
  }
  return percentiles(samples);
}
