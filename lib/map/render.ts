import type { Feature, FeatureCollection } from "geojson";
import { geoConicConformal, geoPath } from "d3-geo";
import type { AreaGeometry } from "./geojson";

/**
 * Projects stored WGS84 shapes into SVG path data on the server (d3-geo): a conic conformal
 * projection, as IGN's Lambert maps, its parallels set for the north of France, fitted to the
 * area shown. The result is plain data, cached by the caller and drawn by React.
 */

export interface ShapeInput {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

export interface ProjectedShape {
  code: string;
  name: string;
  d: string;
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: ProjectedShape[];
  /** Outlines drawn over the shapes for orientation (départements on a commune map...). */
  outlines: string;
  overlay: ProjectedShape[];
}

const PADDING = 8;

function collection(shapes: { geometry: AreaGeometry }[]): FeatureCollection {
  return { type: "FeatureCollection", features: shapes.map((s): Feature => ({ type: "Feature", properties: {}, geometry: s.geometry })) };
}

export function projectMap(options: {
  width: number;
  /** What the map is fitted to: the zoomed territory, or else all the shapes. */
  frame?: AreaGeometry;
  shapes: ShapeInput[];
  outlines?: AreaGeometry[];
  overlay?: ShapeInput[];
  digits?: number;
}): ProjectedMap {
  const { width, shapes } = options;
  const frame: Feature | FeatureCollection = options.frame
    ? { type: "Feature", properties: {}, geometry: options.frame }
    : collection(shapes);
  // precision(0): no adaptive resampling, the contours are dense enough for straight segments.
  const projection = geoConicConformal().parallels([49, 51]).rotate([-2.8, 0]).precision(0);
  projection.fitWidth(width - 2 * PADDING, frame);
  const [[, y0], [, y1]] = geoPath(projection).bounds(frame);
  const height = Math.ceil(y1 - y0 + 2 * PADDING);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PADDING, ty - y0 + PADDING]);
  const path = geoPath(projection).digits(options.digits ?? 1);
  const project = (s: ShapeInput): ProjectedShape => ({ code: s.code, name: s.name, d: path(s.geometry) ?? "" });
  return {
    width,
    height,
    shapes: shapes.map(project).filter((s) => s.d !== ""),
    outlines: (options.outlines ?? []).map((g) => path(g) ?? "").join(""),
    overlay: (options.overlay ?? []).map(project).filter((s) => s.d !== ""),
  };
}
