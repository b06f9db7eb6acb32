import "server-only";
import type { PlaceSuggestion } from "@/components/search/PlacePicker";
import { toSearchParams, withQuery, type SearchQuery } from "@/lib/search/query";
import { placeDescription, type PlaceKind } from "@/lib/territories/place-text";
import { EXPAND_PARAM, expandablePlaces, findTerritories, parseExpandedPlaces, placeQuerySchema } from "./search";

const SUGGESTIONS = 8;

const nextLevel: Record<Exclude<PlaceKind, "REGION" | "QPV">, [string, string]> = {
  DEPARTEMENT: ["l'intercommunalité", "les intercommunalités"],
  EPCI: ["la commune", "les communes"],
  COMMUNE: ["le quartier prioritaire", "les quartiers prioritaires"],
};

/** The selected places whose next level is shown; only a selected place stays expanded. */
export function expandedPlaces(query: SearchQuery, raw: Record<string, string | string[] | undefined>): string[] {
  return parseExpandedPlaces(raw[EXPAND_PARAM]).filter((code) => query.territoire.includes(code));
}

/**
 * What the territory facet of /initiatives shows besides its checkboxes: the places found for
 * the submitted « lieu » text, each a link that applies it, and « voir les communes » links for
 * the selected places, so that choosing the MEL does not list its 95 communes unasked.
 */
export async function placeFacet(path: string, query: SearchQuery, raw: Record<string, string | string[] | undefined>) {
  const text = placeQuerySchema.parse(Array.isArray(raw.lieu) ? raw.lieu[0] : raw.lieu);
  const expanded = expandedPlaces(query, raw);
  const [found, expandable] = await Promise.all([text ? findTerritories(text, SUGGESTIONS) : [], expandablePlaces(query.territoire)]);

  const paramsFor = (territoire: string[], voir: string[]) => {
    const params = toSearchParams({ ...query, territoire, page: 1 });
    for (const code of voir) params.append(EXPAND_PARAM, code);
    return params;
  };
  const suggestions: PlaceSuggestion[] = found.map((place) => ({
    code: place.code,
    name: place.name,
    description: placeDescription(place),
    href: withQuery(path, paramsFor([...new Set([...query.territoire, place.code])], expanded)),
  }));
  const expandLinks = expandable.flatMap((place) => {
    if (place.kind === "REGION" || place.kind === "QPV") return [];
    const [one, many] = nextLevel[place.kind];
    const open = expanded.includes(place.code);
    const voir = open ? expanded.filter((code) => code !== place.code) : [...expanded, place.code];
    const label = open
      ? `Masquer ${many} de ${place.name}`
      : place.children === 1
        ? `Voir ${one} de ${place.name}`
        : `Voir ${many} de ${place.name} (${place.children})`;
    return [{ href: withQuery(path, paramsFor(query.territoire, voir)), label }];
  });
  return { query: text, suggestions, expandLinks, expanded };
}
