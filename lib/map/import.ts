import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Database } from "@/lib/db/connect";
import type { GeometryLayer, ShapeDetail, TerritoryKind } from "@/lib/db/generated/enums";
import { importQpvCsv, importQpvRecords, type QpvImportSummary } from "@/lib/reference/qpv-import";
import type { Progress } from "@/lib/reference/load";
import { loadEtalab } from "@/lib/reference/territories-etalab";
import { codeProperty, GeometryImportError, parseFeatureCollection, territoryProperties, type AreaGeometry } from "./geojson";
import { buildShapes, SHAPE_DETAILS, type BuiltShape } from "./topology";

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export const TERRITORY_LAYERS = { region: "REGION", departements: "DEPARTEMENTS", communes: "COMMUNES" } as const;
export type TerritoryLayerName = keyof typeof TERRITORY_LAYERS;

const LAYER_KIND: Record<Exclude<GeometryLayer, "QPV">, TerritoryKind> = {
  REGION: "REGION",
  DEPARTEMENTS: "DEPARTEMENT",
  COMMUNES: "COMMUNE",
};
const LAYER_LABEL: Record<GeometryLayer, string> = {
  REGION: "la région",
  DEPARTEMENTS: "un département",
  COMMUNES: "une commune",
  QPV: "un QPV",
};

export interface UnmatchedFeature {
  code: string;
  name?: string;
  /** The current commune a former commune was merged into: its contour was added to it. */
  mergedInto?: string;
}

export interface GeometryImportSummary {
  layer: GeometryLayer;
  features: number;
  /** Territories that received a shape (EPCI computed from communes included). */
  shapes: number;
  epci?: number;
  unmatched: UnmatchedFeature[];
}

/** Former communes (déléguées, associées) and the current commune they belong to now. */
function formerCommunes(): Map<string, string> {
  const former = new Map<string, string>();
  for (const commune of loadEtalab().communes) {
    if ((commune.type === "commune-deleguee" || commune.type === "commune-associee") && "chefLieu" in commune) {
      former.set(commune.code, String((commune as { chefLieu: unknown }).chefLieu));
    }
  }
  return former;
}

async function writeShapes(tx: Tx, shapes: Map<string, Record<ShapeDetail, BuiltShape>>) {
  const rows = [...shapes].flatMap(([code, record]) => SHAPE_DETAILS.map((detail) => ({ code, detail, ...record[detail] })));
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    await tx.$executeRawUnsafe(
      `INSERT INTO "TerritoryShape" ("territoryCode", detail, geometry, "minLon", "minLat", "maxLon", "maxLat")
       SELECT * FROM unnest($1::text[], $2::"ShapeDetail"[], $3::jsonb[], $4::float8[], $5::float8[], $6::float8[], $7::float8[])`,
      batch.map((r) => r.code),
      batch.map((r) => r.detail),
      batch.map((r) => JSON.stringify(r.geometry)),
      ...[0, 1, 2, 3].map((i) => batch.map((r) => r.bbox[i]!)),
    );
  }
}

async function deleteShapesOfKinds(tx: Tx, kinds: TerritoryKind[]) {
  await tx.$executeRawUnsafe(
    `DELETE FROM "TerritoryShape" s USING "Territory" t WHERE t.code = s."territoryCode" AND t.kind = ANY($1::"TerritoryKind"[])`,
    kinds,
  );
}

function assertUniqueCodes(features: { index: number; properties: { code: string } }[]) {
  const seen = new Map<string, number>();
  for (const { index, properties } of features) {
    const first = seen.get(properties.code);
    if (first !== undefined) {
      throw new GeometryImportError(
        `entité n°${index} : le code ${properties.code} figure déjà (entité n°${first}). Rien n'a été importé.`,
      );
    }
    seen.set(properties.code, index);
  }
}

/**
 * Imports the contours of one level (région, départements or communes) from a GeoJSON text.
 * The file replaces that level's shapes (so running it twice changes nothing); with communes,
 * the EPCI shapes are recomputed as the union of their member communes. Features whose code is
 * not a current territory are reported, not fatal: a former commune merged into a current one
 * (commune déléguée or associée) adds its contour to that commune.
 */
export async function importTerritoryGeometry(
  db: Database,
  layer: Exclude<GeometryLayer, "QPV">,
  text: string,
  source: string,
  progress: Progress = () => {},
): Promise<GeometryImportSummary> {
  const features = parseFeatureCollection(text, territoryProperties);
  assertUniqueCodes(features);
  const kind = LAYER_KIND[layer];
  const current = new Set((await db.territory.findMany({ where: { kind }, select: { code: true } })).map((t) => t.code));
  const former = layer === "COMMUNES" ? formerCommunes() : new Map<string, string>();

  const groups = new Map<string, number[]>();
  const unmatched: UnmatchedFeature[] = [];
  features.forEach(({ properties: { code, nom } }, position) => {
    const target = current.has(code) ? code : former.get(code);
    if (target && current.has(target)) {
      groups.set(target, [...(groups.get(target) ?? []), position]);
      if (target !== code) unmatched.push({ code, name: nom, mergedInto: target });
    } else {
      unmatched.push({ code, name: nom });
    }
  });
  if (groups.size === 0) {
    throw new GeometryImportError(
      `Aucune des ${features.length} entités n'a le code d'${LAYER_LABEL[layer]} du référentiel (premier code lu : ${features[0]!.properties.code}). ` +
        "Vérifiez le niveau choisi (--level) et que les propriétés « code » sont des codes officiels. Rien n'a été importé.",
    );
  }

  let epciCount: number | undefined;
  if (layer === "COMMUNES") {
    const memberships = await db.territoryParent.findMany({
      where: { parent: { kind: "EPCI" }, child: { kind: "COMMUNE" } },
      select: { childCode: true, parentCode: true },
    });
    const epciGroups = new Map<string, number[]>();
    for (const { childCode, parentCode } of memberships) {
      epciGroups.set(parentCode, [...(epciGroups.get(parentCode) ?? []), ...(groups.get(childCode) ?? [])]);
    }
    for (const [code, indices] of epciGroups) groups.set(code, indices);
    epciCount = [...epciGroups.values()].filter((indices) => indices.length > 0).length;
  }

  progress(`${features.length} entités lues, ${unmatched.length} hors du référentiel actuel ; simplification…`);
  const shapes = buildShapes(
    features.map((f) => f.geometry),
    groups,
  );
  await db.$transaction(
    async (tx) => {
      await deleteShapesOfKinds(tx, layer === "COMMUNES" ? ["COMMUNE", "EPCI"] : [kind]);
      await writeShapes(tx, shapes);
      await tx.geometryImport.create({
        data: { layer, source, features: features.length, imported: shapes.size, unmatched: unmatched as object[] },
      });
    },
    { timeout: 120_000 },
  );
  return { layer, features: features.length, shapes: shapes.size, epci: epciCount, unmatched };
}

/** The official ANCT attributes; commune_qp may list several communes. */
const qpvProperties = z.object({
  code_qp: codeProperty,
  nom_qp: z.string({ error: "valeur manquante" }),
  commune_qp: z
    .union([codeProperty, z.array(codeProperty)], { error: "valeur manquante" })
    .transform((value) => (Array.isArray(value) ? value.join(";") : value)),
});

export interface QpvGeometryImportSummary extends QpvImportSummary {
  shapes: number;
}

/**
 * Imports QPV contours and attributes from the ANCT GeoJSON: the QPV list is updated as by the
 * CSV import, and the contours of the QPV kept (those of the région) replace the previous ones,
 * all in one transaction.
 */
export async function importQpvGeometry(
  db: Database,
  text: string,
  source: string,
  progress: Progress = () => {},
): Promise<QpvGeometryImportSummary> {
  const features = parseFeatureCollection(text, qpvProperties);
  let shapeCount = 0;
  const summary = await importQpvRecords(
    db,
    features.map((f) => f.properties),
    {
      progress,
      locate: (index) => `Entité n°${features[index]!.index} (code ${features[index]!.properties.code_qp})`,
      alsoInTransaction: async (tx, imported) => {
        const groups = new Map(imported.map(({ index, code }) => [code, [index]]));
        const shapes = buildShapes(
          features.map((f) => f.geometry as AreaGeometry),
          groups,
        );
        await deleteShapesOfKinds(tx, ["QPV"]);
        await writeShapes(tx, shapes);
        shapeCount = shapes.size;
        await tx.geometryImport.create({ data: { layer: "QPV", source, features: features.length, imported: shapes.size } });
      },
    },
  );
  return { ...summary, shapes: shapeCount };
}

async function readText(file: string) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new GeometryImportError(`Impossible de lire ${file} : ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function importTerritoryGeometryFile(db: Database, layer: Exclude<GeometryLayer, "QPV">, file: string, progress?: Progress) {
  return importTerritoryGeometry(db, layer, await readText(file), path.basename(file), progress);
}

/** A .csv file carries the QPV list only; a GeoJSON file carries the list and the contours. */
export async function importQpvFileAnyFormat(
  db: Database,
  file: string,
  progress?: Progress,
): Promise<QpvImportSummary & { shapes?: number }> {
  const text = await readText(file);
  if (/\.csv$/i.test(file)) return importQpvCsv(db, text, progress);
  return importQpvGeometry(db, text, path.basename(file), progress);
}

/** The file names of the reference contours kept beside the project (../shared/data/geo). */
export const SHARED_GEOMETRY_FILES: [Exclude<GeometryLayer, "QPV">, string][] = [
  ["REGION", "region-hauts-de-france.geojson"],
  ["DEPARTEMENTS", "departements-hauts-de-france.geojson"],
  ["COMMUNES", "communes-hauts-de-france.geojson"],
];

/** Imports whichever of the reference contour files exist in `dir`; returns one summary each. */
export async function importGeometryDirectory(db: Database, dir: string, progress?: Progress): Promise<GeometryImportSummary[]> {
  const summaries: GeometryImportSummary[] = [];
  for (const [layer, name] of SHARED_GEOMETRY_FILES) {
    const file = path.join(dir, name);
    if (existsSync(file)) summaries.push(await importTerritoryGeometryFile(db, layer, file, progress));
  }
  return summaries;
}
