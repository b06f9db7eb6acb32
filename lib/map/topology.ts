import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { GeometryCollection, Objects, Topology } from "topojson-specification";
import { merge } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify, sphericalTriangleArea } from "topojson-simplify";
import type { ShapeDetail } from "@/lib/db/generated/enums";
import type { AreaGeometry } from "./geojson";

/**
 * Shapes are built from a topology (shared borders stored once), so that merging communes into
 * an EPCI leaves no slivers and simplifying never opens gaps between neighbours.
 */

export const SHAPE_DETAILS = ["REGION", "DEPARTEMENT", "LOCAL"] as const satisfies readonly ShapeDetail[];

/**
 * Smallest triangle kept by Visvalingam simplification, in steradians. About one square pixel
 * for an 800-pixel map of the whole région (0.5 km a pixel) and of one département (0.2 km);
 * close-ups keep the file's own detail.
 */
export const DETAIL_MIN_AREA: Record<ShapeDetail, number> = { REGION: 3e-9, DEPARTEMENT: 4e-10, LOCAL: 0 };

/** About 3 m over the whole région: well under a pixel at any zoom the map offers. */
const QUANTIZATION = 1e5;
/** The pieces carry no properties: their position in the list is their identity. */
type NoProperties = Record<string, never>;

export interface BuiltShape {
  geometry: AreaGeometry;
  bbox: [number, number, number, number];
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

function cleanPolygons(multi: MultiPolygon): Position[][][] {
  const polygons: Position[][][] = [];
  for (const rings of multi.coordinates) {
    // Simplification keeps each arc's ends: a tiny island can shrink to a degenerate ring, and a
    // polygon whose outer ring went that way is dropped with its holes.
    const [outer, ...holes] = rings.map((ring) => ring.map(([lon, lat]) => [round(lon!), round(lat!)]));
    if (!outer || outer.length < 4) continue;
    polygons.push([outer, ...holes.filter((ring) => ring.length >= 4)]);
  }
  return polygons;
}

function toGeometry(polygons: Position[][][]): AreaGeometry | undefined {
  if (polygons.length === 0) return undefined;
  return polygons.length === 1
    ? ({ type: "Polygon", coordinates: polygons[0]! } satisfies Polygon)
    : { type: "MultiPolygon", coordinates: polygons };
}

export function boundingBox(geometry: AreaGeometry): [number, number, number, number] {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons)
    for (const [lon, lat] of rings[0]!) {
      if (lon! < minLon) minLon = lon!;
      if (lon! > maxLon) maxLon = lon!;
      if (lat! < minLat) minLat = lat!;
      if (lat! > maxLat) maxLat = lat!;
    }
  return [minLon, minLat, maxLon, maxLat];
}

/**
 * Builds each group's shape at every level of detail: `groups` maps a territory code to the
 * positions (in `geometries`) of the pieces that make it up (one commune, a commune and the
 * former communes merged into it, or all the communes of an EPCI).
 */
export function buildShapes(geometries: AreaGeometry[], groups: Map<string, number[]>): Map<string, Record<ShapeDetail, BuiltShape>> {
  const collection: FeatureCollection<AreaGeometry, NoProperties> = {
    type: "FeatureCollection",
    features: geometries.map((geometry, id): Feature<AreaGeometry, NoProperties> => ({ type: "Feature", id, properties: {}, geometry })),
  };
  // The typings disagree on null properties between topojson-server and -simplify.
  const built = topology({ pieces: collection }, QUANTIZATION) as unknown as Topology<Objects<NoProperties>>;
  const topo = presimplify(built, sphericalTriangleArea);
  const byDetail = SHAPE_DETAILS.map((detail) => {
    const simplified = DETAIL_MIN_AREA[detail] > 0 ? simplify(topo, DETAIL_MIN_AREA[detail]) : topo;
    return { detail, topology: simplified, pieces: (simplified.objects.pieces as GeometryCollection).geometries };
  });

  const shapes = new Map<string, Record<ShapeDetail, BuiltShape>>();
  for (const [code, indices] of groups) {
    if (indices.length === 0) continue;
    const record = {} as Record<ShapeDetail, BuiltShape>;
    let finer: AreaGeometry | undefined;
    // From the finest detail up, so a shape that simplification erased falls back to a finer one.
    for (const { detail, topology: t, pieces } of [...byDetail].reverse()) {
      const merged = merge(t, indices.map((i) => pieces[i]!) as Parameters<typeof merge>[1]);
      const geometry = toGeometry(cleanPolygons(merged)) ?? finer;
      if (!geometry) break;
      finer = geometry;
      record[detail] = { geometry, bbox: boundingBox(geometry) };
    }
    if (record.LOCAL) shapes.set(code, record);
  }
  return shapes;
}
