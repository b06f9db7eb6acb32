import { z } from "zod";
import { toSearchParams, type SearchQuery } from "@/lib/search/query";

/**
 * What the map shows besides the search filters, as URL parameters of /carte: `niveau`
 * (departements, epci, communes) and `zoom` (a département code or an EPCI SIREN). Like the
 * search parameters, bad values are dropped, never an error.
 */

export const LEVEL_PARAMS = { departements: "DEPARTEMENT", epci: "EPCI", communes: "COMMUNE" } as const;
export type LevelParam = keyof typeof LEVEL_PARAMS;
export type ViewLevel = (typeof LEVEL_PARAMS)[LevelParam];

export const LEVEL_LABELS: Record<ViewLevel, { plural: string; singular: string }> = {
  DEPARTEMENT: { plural: "Départements", singular: "département" },
  EPCI: { plural: "EPCI (intercommunalités)", singular: "EPCI" },
  COMMUNE: { plural: "Communes", singular: "commune" },
};

export type ZoomKind = "DEPARTEMENT" | "EPCI";

export interface MapParams {
  niveau?: LevelParam;
  zoom?: string;
}

type Input = URLSearchParams | Record<string, string | string[] | undefined>;

function first(input: Input, key: string): string | undefined {
  const value = input instanceof URLSearchParams ? input.get(key) : input[key];
  return (Array.isArray(value) ? value[0] : (value ?? undefined))?.trim();
}

export function parseMapParams(input: Input): MapParams {
  const niveau = z.enum(Object.keys(LEVEL_PARAMS) as [LevelParam, ...LevelParam[]]).safeParse(first(input, "niveau"));
  const zoom = z
    .string()
    .regex(/^[0-9AB]{2,3}$|^\d{9}$/)
    .safeParse(first(input, "zoom"));
  return { niveau: niveau.success ? niveau.data : undefined, zoom: zoom.success ? zoom.data : undefined };
}

/** The levels that make sense for a zoom: no départements inside a département, no EPCI inside an EPCI. */
export function levelsFor(zoomKind: ZoomKind | undefined): ViewLevel[] {
  if (zoomKind === "EPCI") return ["COMMUNE"];
  if (zoomKind === "DEPARTEMENT") return ["EPCI", "COMMUNE"];
  return ["DEPARTEMENT", "EPCI", "COMMUNE"];
}

/** The level shown: the one asked for if it fits the zoom, else the finest that does, or départements for the région. */
export function resolveLevel(niveau: LevelParam | undefined, zoomKind: ZoomKind | undefined): ViewLevel {
  const allowed = levelsFor(zoomKind);
  const asked = niveau ? LEVEL_PARAMS[niveau] : undefined;
  if (asked && allowed.includes(asked)) return asked;
  return zoomKind ? "COMMUNE" : "DEPARTEMENT";
}

export function levelParam(level: ViewLevel): LevelParam {
  return (Object.keys(LEVEL_PARAMS) as LevelParam[]).find((key) => LEVEL_PARAMS[key] === level)!;
}

/** A /carte address: the search filters (page dropped) then the map's own parameters. */
export function mapHref(query: SearchQuery, view: { level?: ViewLevel; zoom?: string } = {}): string {
  const params = toSearchParams({ ...query, page: 1 });
  if (view.level) params.set("niveau", levelParam(view.level));
  if (view.zoom) params.set("zoom", view.zoom);
  const search = params.toString();
  return search ? `/carte?${search}` : "/carte";
}

/**
 * The list of the initiatives of one territory, keeping the other filters: those inside it
 * (portee=local), which is what its figure on the map counts.
 */
export function listHrefForTerritory(query: SearchQuery, code: string): string {
  return `/initiatives?${toSearchParams({ ...query, territoire: [code], portee: "local", page: 1 }).toString()}`;
}
