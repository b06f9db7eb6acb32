import "server-only";
import type { Database } from "@/lib/db/connect";
import { VersionedCache } from "@/lib/search/cache";
import { Prisma } from "@/lib/db/generated/client";
import type { ShapeDetail, TerritoryKind } from "@/lib/db/generated/enums";
import type { AreaGeometry } from "./geojson";
import { projectMap, type ProjectedMap, type ShapeInput } from "./render";
import type { ViewLevel, ZoomKind } from "./view";
import { withinZoomSql } from "./within";

/**
 * Stored shapes, projected once and kept in memory. The key holds the geometry version (the
 * latest import's id) and the version of the territories (row 2 of "SearchVersion", moved by
 * any change to "Territory": the shapes carry their names), both read from the database on each
 * request: an import or a new reference load shows at the next request of every instance,
 * without any purge. The numbers drawn over the shapes are not cached, they follow the filters.
 */

export const MAP_WIDTH = 800;
const projectedMaps = new VersionedCache<ProjectedMap | null>(64);

/** Null when no contour was ever imported. */
export async function geometryVersion(db: Database): Promise<string | null> {
  const [row] = await db.$queryRaw<{ version: string | null }[]>`
    SELECT (SELECT max(id) FROM "GeometryImport") || '/' || coalesce((SELECT version FROM "SearchVersion" WHERE id = 2), 0) AS version`;
  return row?.version ?? null;
}

async function loadShapes(db: Database, kind: TerritoryKind, detail: ShapeDetail, within?: string): Promise<ShapeInput[]> {
  return db.$queryRaw<ShapeInput[]>(Prisma.sql`
    SELECT t.code, t.name, s.geometry
    FROM "TerritoryShape" s JOIN "Territory" t ON t.code = s."territoryCode"
    WHERE s.detail = ${detail}::"ShapeDetail" AND t.kind = ${kind}::"TerritoryKind" ${withinZoomSql(within)}
    ORDER BY t.code`);
}

async function loadShape(db: Database, code: string, detail: ShapeDetail): Promise<AreaGeometry | undefined> {
  const shape = await db.territoryShape.findUnique({
    where: { territoryCode_detail: { territoryCode: code, detail } },
    select: { geometry: true },
  });
  return shape?.geometry as AreaGeometry | undefined;
}

export interface MapZoom {
  code: string;
  kind: ZoomKind;
}

const DETAIL_FOR_ZOOM: Record<ZoomKind | "REGION", ShapeDetail> = { REGION: "REGION", DEPARTEMENT: "DEPARTEMENT", EPCI: "LOCAL" };

async function buildProjectedMap(db: Database, level: ViewLevel, zoom?: MapZoom): Promise<ProjectedMap | null> {
  const detail = DETAIL_FOR_ZOOM[zoom?.kind ?? "REGION"];
  const shapes = await loadShapes(db, level, detail, zoom?.code);
  if (shapes.length === 0) return null;
  const [region] = await loadShapes(db, "REGION", detail);
  const frame = zoom ? await loadShape(db, zoom.code, detail) : region?.geometry;
  // Département borders help to read a map of smaller units; a zoom shows its own outline.
  const outlines = zoom
    ? frame && zoom.kind === "DEPARTEMENT"
      ? [frame]
      : []
    : level === "DEPARTEMENT"
      ? []
      : (await loadShapes(db, "DEPARTEMENT", detail)).map((s) => s.geometry);
  const overlay = await loadShapes(db, "QPV", zoom ? "LOCAL" : "DEPARTEMENT", zoom?.code);
  // Whole pixels suffice for the whole région (a pixel is about 0.5 km) and halve the weight.
  return projectMap({ width: MAP_WIDTH, frame, shapes, outlines, overlay, digits: zoom ? 1 : 0 });
}

/** The projected map of a level (and zoom), or null when no contour of that level was imported. */
export async function getProjectedMap(db: Database, level: ViewLevel, zoom?: MapZoom): Promise<ProjectedMap | null> {
  const version = await geometryVersion(db);
  if (version === null) return null;
  return projectedMaps.get(db, version, [level, zoom?.code ?? ""], () => buildProjectedMap(db, level, zoom));
}
