/**
 * Place text shared by the lookup (server) and the picker (browser): how typed text is cleaned,
 * what a match carries, and how a match is described to people.
 */
import { cleanSearchText } from "@/lib/format/search-text";

export type PlaceKind = "REGION" | "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV";
export const PLACE_KINDS: PlaceKind[] = ["REGION", "DEPARTEMENT", "EPCI", "COMMUNE", "QPV"];

/** How a place matched, best first. */
export type PlaceMatchReason = "code" | "postcode" | "alias" | "name" | "prefix" | "approx";

export interface PlaceMatch {
  code: string;
  name: string;
  kind: PlaceKind;
  population: number | null;
  postcodes: string[];
  /** Name of the département the place lies in (none for the région, an EPCI spanning two). */
  departement: string | null;
  matchedBy: PlaceMatchReason;
}

/** Longest text looked up: longer input is junk for a place name (the longest is ~45 characters). */
export const PLACE_QUERY_MAX = 100;
/** Shortest text looked up. */
export const PLACE_MIN_LENGTH = 2;

/**
 * The text as the lookup reads it: control and format characters (NUL cannot even reach
 * PostgreSQL) become spaces, runs of spaces one, and anything beyond PLACE_QUERY_MAX is cut.
 */
export function cleanPlaceText(text: string): string {
  return cleanSearchText(text, PLACE_QUERY_MAX);
}

const kindWords: Record<PlaceKind, string> = {
  REGION: "région",
  DEPARTEMENT: "département",
  EPCI: "intercommunalité",
  COMMUNE: "commune",
  QPV: "quartier prioritaire",
};

/** « Roubaix — commune, Nord, 59100 »: enough to tell two places of one name apart. */
export function placeDescription(place: Pick<PlaceMatch, "kind" | "departement" | "postcodes" | "code">): string {
  const parts: string[] = [kindWords[place.kind]];
  if (place.departement) parts.push(place.departement);
  if (place.kind === "COMMUNE") parts.push(place.postcodes[0] ?? place.code);
  else if (place.kind !== "QPV") parts.push(place.code);
  return parts.join(", ");
}

/** What to try when nothing matched. */
export const PLACE_LOOKUP_HINT =
  "Essayez un nom de commune (Roubaix), un code postal (59100), un sigle d'intercommunalité (MEL, ACSO), un département (Oise) ou un code officiel (59512).";
