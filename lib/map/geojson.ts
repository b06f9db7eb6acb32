import type { MultiPolygon, Polygon } from "geojson";
import { z } from "zod";

/**
 * Reading contour files: standard GeoJSON (RFC 7946), WGS84 longitude/latitude, one feature per
 * territory. Everything is checked before anything is written, and the first problem is
 * reported with the feature it concerns, in French, for the person running the import.
 */

export class GeometryImportError extends Error {
  constructor(message: string) {
    super(message);
    // Same name as the reference imports' error: the command-line runner prints it plainly.
    this.name = "ImportError";
  }
}

export type AreaGeometry = Polygon | MultiPolygon;

export interface ParsedFeature<P> {
  /** 1-based position in the file, to name the feature in messages. */
  index: number;
  properties: P;
  geometry: AreaGeometry;
}

const position = z.array(z.number().finite()).min(2, "une position a moins de deux coordonnées");
const ring = z.array(position).min(4, "un anneau de polygone a moins de 4 positions");
const polygon = z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) });
const multiPolygon = z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) });
const geometrySchema = z.discriminatedUnion("type", [polygon, multiPolygon], {
  error: (issue) =>
    issue.input && typeof issue.input === "object" && "type" in issue.input
      ? `géométrie de type ${String((issue.input as { type: unknown }).type)} : seuls Polygon et MultiPolygon décrivent un territoire`
      : "géométrie absente",
});

const featureSchema = z.object({
  type: z.literal("Feature", { error: "l'objet n'est pas une Feature GeoJSON" }),
  properties: z.record(z.string(), z.unknown(), { error: "propriétés absentes" }),
  geometry: geometrySchema,
});

/** Official codes come as strings; a spreadsheet export may have turned them into numbers. */
export const codeProperty = z
  .union([z.string(), z.number().int()], { error: "valeur manquante" })
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, "valeur vide").max(64, "valeur trop longue"));

export const territoryProperties = z.object({
  code: codeProperty,
  nom: z.string().trim().max(300).optional(),
});
export type TerritoryProperties = z.infer<typeof territoryProperties>;

/** Coordinates reference systems that mean WGS84 longitude/latitude. */
const WGS84_CRS = /(CRS84|EPSG:?:?4326|WGS ?84)$/i;

function label(index: number, properties: unknown): string {
  const record = properties && typeof properties === "object" ? (properties as Record<string, unknown>) : {};
  const code = record.code ?? record.code_qp;
  const name = record.nom ?? record.nom_qp;
  const parts = [code !== undefined ? `code ${String(code)}` : null, typeof name === "string" ? name : null].filter(Boolean);
  return `entité n°${index}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

function outOfRange(geometry: AreaGeometry): number[] | undefined {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons)
    for (const r of rings)
      for (const p of r) {
        const [lon, lat] = p as [number, number];
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return p;
      }
  return undefined;
}

/**
 * Parses a FeatureCollection (or a single Feature, as some official files are) and checks each
 * feature's geometry and properties. Throws GeometryImportError naming the first bad feature.
 */
export function parseFeatureCollection<S extends z.ZodType>(text: string, propertiesSchema: S): ParsedFeature<z.infer<S>>[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new GeometryImportError(
      `Le fichier n'est pas du JSON valide (${error instanceof Error ? error.message : String(error)}). Rien n'a été importé.`,
    );
  }
  if (!json || typeof json !== "object") throw new GeometryImportError("Le fichier ne contient pas d'objet GeoJSON. Rien n'a été importé.");
  const root = json as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const crsName = root.crs?.properties?.name;
  if (typeof crsName === "string" && !WGS84_CRS.test(crsName)) {
    throw new GeometryImportError(
      `Le fichier déclare la projection ${crsName} : convertissez-le en WGS84 longitude/latitude (EPSG:4326), par exemple avec « ogr2ogr -t_srs EPSG:4326 » ou mapshaper « -proj wgs84 ». Rien n'a été importé.`,
    );
  }
  let rawFeatures: unknown[];
  if (root.type === "FeatureCollection" && Array.isArray(root.features)) rawFeatures = root.features;
  else if (root.type === "Feature") rawFeatures = [root];
  else
    throw new GeometryImportError(
      "Le fichier n'est pas une FeatureCollection GeoJSON (« type »: « FeatureCollection », « features »: [...]). Rien n'a été importé.",
    );
  if (rawFeatures.length === 0) throw new GeometryImportError("Le fichier ne contient aucune entité. Rien n'a été importé.");

  return rawFeatures.map((raw, offset) => {
    const index = offset + 1;
    const properties = raw && typeof raw === "object" ? (raw as { properties?: unknown }).properties : undefined;
    const feature = featureSchema.safeParse(raw);
    if (!feature.success) {
      const issue = feature.error.issues[0]!;
      const where = issue.path.length > 0 ? ` [${issue.path.join(".")}]` : "";
      throw new GeometryImportError(`${label(index, properties)} : ${issue.message}${where}. Rien n'a été importé.`);
    }
    const geometry = feature.data.geometry as AreaGeometry;
    const bad = outOfRange(geometry);
    if (bad) {
      throw new GeometryImportError(
        `${label(index, properties)} : coordonnées [${bad.slice(0, 2).join(", ")}] hors des bornes longitude/latitude. ` +
          "Le fichier semble projeté (Lambert-93 ?) : il doit être en WGS84 (EPSG:4326). Rien n'a été importé.",
      );
    }
    const parsed = propertiesSchema.safeParse(feature.data.properties);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new GeometryImportError(
        `${label(index, properties)} : propriété ${issue.path.join(".") || "?"} : ${issue.message}. Rien n'a été importé.`,
      );
    }
    return { index, properties: parsed.data as z.infer<S>, geometry };
  });
}
