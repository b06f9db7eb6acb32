import type { Feature, FeatureCollection, Position } from "geojson";
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

/**
 * A d3-geo path context writing compact SVG path data: coordinates rounded to `digits`
 * decimals, then every point after a ring's first written relative to the previous one, and
 * repeated points dropped. About half the size of absolute coordinates, with no drift since
 * the rounding is done on absolute positions.
 */
class CompactPath {
  private parts: string[] = [];
  private x = 0;
  private y = 0;
  constructor(private readonly scale: number) {}

  private format(units: number) {
    const text = String(units / this.scale);
    return text.startsWith("0.") ? text.slice(1) : text.startsWith("-0.") ? `-${text.slice(2)}` : text;
  }

  private pair(dx: number, dy: number) {
    const y = this.format(dy);
    return `${this.format(dx)}${y.startsWith("-") ? "" : ","}${y}`;
  }

  moveTo(x: number, y: number) {
    this.x = Math.round(x * this.scale);
    this.y = Math.round(y * this.scale);
    this.parts.push(`M${this.pair(this.x, this.y)}`);
  }

  lineTo(x: number, y: number) {
    const rx = Math.round(x * this.scale);
    const ry = Math.round(y * this.scale);
    if (rx === this.x && ry === this.y) return;
    this.parts.push(`l${this.pair(rx - this.x, ry - this.y)}`);
    this.x = rx;
    this.y = ry;
  }

  closePath() {
    this.parts.push("z");
  }

  beginPath() {
    // Each shape's data is taken whole by take().
  }

  arc() {
    // Only points are drawn as circles, and maps here hold polygons only.
  }

  take(): string {
    const result = this.parts.join("");
    this.parts = [];
    return result;
  }
}

/** Twice the planar signed area of a ring, positive when counterclockwise (longitude east, latitude north). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum;
}

/**
 * d3-geo reads rings on the sphere: an outer ring must run clockwise, or it means the whole
 * globe but that area. GeoJSON (RFC 7946) asks for the opposite, and files vary: rewind.
 */
export function rewindForD3(geometry: AreaGeometry): AreaGeometry {
  const fix = (rings: Position[][]) => rings.map((ring, index) => (signedArea(ring) > 0 === (index === 0) ? [...ring].reverse() : ring));
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: fix(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(fix) };
}

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
  const { width } = options;
  const shapes = options.shapes.map((s) => ({ ...s, geometry: rewindForD3(s.geometry) }));
  const frame: Feature | FeatureCollection = options.frame
    ? { type: "Feature", properties: {}, geometry: rewindForD3(options.frame) }
    : collection(shapes);
  // precision(0): no adaptive resampling, the contours are dense enough for straight segments.
  const projection = geoConicConformal().parallels([49, 51]).rotate([-2.8, 0]).precision(0);
  projection.fitWidth(width - 2 * PADDING, frame);
  const [[, y0], [, y1]] = geoPath(projection).bounds(frame);
  const height = Math.ceil(y1 - y0 + 2 * PADDING);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PADDING, ty - y0 + PADDING]);
  const context = new CompactPath(10 ** (options.digits ?? 1));
  const path = geoPath(projection, context);
  const draw = (geometry: AreaGeometry) => {
    path(geometry);
    return context.take();
  };
  const project = (s: ShapeInput): ProjectedShape => ({ code: s.code, name: s.name, d: draw(s.geometry) });
  return {
    width,
    height,
    shapes: shapes.map(project).filter((s) => s.d !== ""),
    outlines: (options.outlines ?? []).map((g) => draw(rewindForD3(g))).join(""),
    overlay: (options.overlay ?? []).map((s) => project({ ...s, geometry: rewindForD3(s.geometry) })).filter((s) => s.d !== ""),
  };
}
