import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { importGeometryDirectory, importQpvGeometry, importTerritoryGeometry } from "@/lib/map/import";

const db = createPrismaClient();

// Small fixtures made here: unit squares side by side, in longitude/latitude.
function square(lon: number, lat: number, size = 0.05): number[][][] {
  return [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ];
}
function collection(features: { properties: Record<string, unknown>; coordinates: number[][][] }[]) {
  return JSON.stringify({
    type: "FeatureCollection",
    features: features.map(({ properties, coordinates }) => ({ type: "Feature", properties, geometry: { type: "Polygon", coordinates } })),
  });
}

const communes = collection([
  { properties: { code: "60175", nom: "Creil" }, coordinates: square(2.45, 49.25) },
  { properties: { code: "60463", nom: "Nogent-sur-Oise" }, coordinates: square(2.5, 49.25) },
  // A former commune, now a commune déléguée of Hesdin-la-Forêt (62447).
  { properties: { code: "62461", nom: "Huby-Saint-Leu" }, coordinates: square(2.0, 50.4) },
  { properties: { code: "99999", nom: "Commune disparue" }, coordinates: square(2.1, 50.4) },
]);

const shapeCount = (codes: string[]) => db.territoryShape.count({ where: { territoryCode: { in: codes } } });

describe("territory geometry import", () => {
  beforeEach(async () => {
    await db.territoryShape.deleteMany();
    await db.geometryImport.deleteMany();
  });

  it("stores each commune at three levels of detail, the EPCI as the union of its communes, and reports unknown codes", async () => {
    const summary = await importTerritoryGeometry(db, "COMMUNES", communes, "fixture.geojson");
    expect(summary.features).toBe(4);
    expect(summary.unmatched).toEqual([
      { code: "62461", name: "Huby-Saint-Leu", mergedInto: "62447" },
      { code: "99999", name: "Commune disparue" },
    ]);
    expect(await shapeCount(["60175", "60463", "62447"])).toBe(9);
    // ACSO: its two communes given here share a side, so their union is one rectangle.
    const acso = await db.territoryShape.findUniqueOrThrow({
      where: { territoryCode_detail: { territoryCode: "200068047", detail: "LOCAL" } },
    });
    expect(acso.geometry).toMatchObject({ type: "Polygon" });
    expect([acso.minLon, acso.minLat, acso.maxLon, acso.maxLat]).toEqual([2.45, 49.25, 2.55, 49.3]);
    // Hesdin-la-Forêt's EPCI gets a shape too; an EPCI with no commune in the file does not.
    expect(summary.epci).toBe(2);
    expect(await db.geometryImport.count({ where: { layer: "COMMUNES" } })).toBe(1);
  });

  it("is idempotent: a second run leaves the same shapes", async () => {
    await importTerritoryGeometry(db, "COMMUNES", communes, "fixture.geojson");
    const first = await db.territoryShape.findMany({ orderBy: [{ territoryCode: "asc" }, { detail: "asc" }] });
    await importTerritoryGeometry(db, "COMMUNES", communes, "fixture.geojson");
    expect(await db.territoryShape.findMany({ orderBy: [{ territoryCode: "asc" }, { detail: "asc" }] })).toEqual(first);
  });

  it("accepts a single Feature (the région file) and a numeric code", async () => {
    const region = JSON.stringify({
      type: "Feature",
      properties: { code: 32, nom: "Hauts-de-France" },
      geometry: { type: "Polygon", coordinates: square(1.5, 49, 2) },
    });
    const summary = await importTerritoryGeometry(db, "REGION", region, "region.geojson");
    expect(summary).toMatchObject({ features: 1, shapes: 1, unmatched: [] });
  });

  describe("refuses bad files, naming the feature, and writes nothing", () => {
    beforeEach(async () => {
      await importTerritoryGeometry(db, "COMMUNES", communes, "fixture.geojson");
    });
    const unchanged = async () => {
      expect(await shapeCount(["60175", "60463"])).toBe(6);
      expect(await db.geometryImport.count()).toBe(1);
    };

    it("invalid JSON", async () => {
      await expect(importTerritoryGeometry(db, "COMMUNES", '{"type": "FeatureCollection", "features": [', "x")).rejects.toThrow(
        /pas du JSON valide.*Rien n'a été importé/,
      );
      await unchanged();
    });

    it("projected coordinates (Lambert-93) instead of longitude/latitude", async () => {
      const lambert = collection([
        { properties: { code: "60175", nom: "Creil" }, coordinates: square(2.45, 49.25) },
        { properties: { code: "60463", nom: "Nogent-sur-Oise" }, coordinates: square(652000, 6908000, 1000) },
      ]);
      await expect(importTerritoryGeometry(db, "COMMUNES", lambert, "x")).rejects.toThrow(
        /entité n°2 \(code 60463, Nogent-sur-Oise\) : coordonnées \[652000, 6908000\] hors des bornes.*WGS84/,
      );
      await unchanged();
    });

    it("a declared projected CRS", async () => {
      const withCrs = JSON.stringify({
        ...JSON.parse(communes),
        crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::2154" } },
      });
      await expect(importTerritoryGeometry(db, "COMMUNES", withCrs, "x")).rejects.toThrow(/EPSG::2154.*WGS84/);
      await unchanged();
    });

    it("a feature without code", async () => {
      const noCode = collection([
        { properties: { code: "60175" }, coordinates: square(2.45, 49.25) },
        { properties: { nom: "Sans code" }, coordinates: square(2.5, 49.25) },
      ]);
      await expect(importTerritoryGeometry(db, "COMMUNES", noCode, "x")).rejects.toThrow(
        /entité n°2 \(Sans code\) : propriété code : valeur manquante/,
      );
      await unchanged();
    });

    it("a point where a polygon is expected, and a duplicated code", async () => {
      const point = JSON.stringify({
        type: "FeatureCollection",
        features: [{ type: "Feature", properties: { code: "60175" }, geometry: { type: "Point", coordinates: [2.4, 49.2] } }],
      });
      await expect(importTerritoryGeometry(db, "COMMUNES", point, "x")).rejects.toThrow(
        /entité n°1 \(code 60175\) : géométrie de type Point/,
      );
      const twice = collection([
        { properties: { code: "60175" }, coordinates: square(2.45, 49.25) },
        { properties: { code: "60175" }, coordinates: square(2.5, 49.25) },
      ]);
      await expect(importTerritoryGeometry(db, "COMMUNES", twice, "x")).rejects.toThrow(
        /entité n°2 : le code 60175 figure déjà \(entité n°1\)/,
      );
      await unchanged();
    });

    it("a file of another level", async () => {
      const departements = collection([{ properties: { code: "60", nom: "Oise" }, coordinates: square(2, 49, 1) }]);
      await expect(importTerritoryGeometry(db, "COMMUNES", departements, "x")).rejects.toThrow(/Aucune des 1 entités.*--level/);
      await unchanged();
    });
  });

  it("imports QPV contours and attributes from the ANCT GeoJSON, skipping QPV of other régions", async () => {
    const qpv = collection([
      { properties: { code_qp: "QN06001T", nom_qp: "Les Martinets", commune_qp: "60414" }, coordinates: square(2.43, 49.27, 0.01) },
      { properties: { code_qp: "QN07501T", nom_qp: "Hors région", commune_qp: "75056" }, coordinates: square(2.3, 48.8, 0.01) },
    ]);
    const summary = await importQpvGeometry(db, qpv, "qpv.geojson");
    expect(summary).toMatchObject({ rows: 2, imported: 1, skippedOutsideReference: 1, shapes: 1 });
    expect(await shapeCount(["QN06001T"])).toBe(3);
    expect(await db.territory.findUnique({ where: { code: "QN07501T" } })).toBeNull();
    const ancestors = await db.territoryAncestor.findMany({ where: { descendantCode: "QN06001T" }, select: { ancestorCode: true } });
    expect(ancestors.map((a) => a.ancestorCode)).toContain("200068047");

    const missing = collection([{ properties: { code_qp: "QN06002T", nom_qp: "Sans commune" }, coordinates: square(2.43, 49.27, 0.01) }]);
    await expect(importQpvGeometry(db, missing, "x")).rejects.toThrow(
      /entité n°1 \(code QN06002T, Sans commune\) : propriété commune_qp : valeur manquante/,
    );
  });
});

describe("the reference contours in ../shared/data/geo", () => {
  const dir = path.resolve(import.meta.dirname, "../..", "../shared/data/geo");

  it("give Roubaix, the 11 ACSO communes, ACSO and the MEL their shapes, and report merged communes", async () => {
    const summaries = await importGeometryDirectory(db, dir);
    expect(summaries.map((s) => s.layer)).toEqual(["REGION", "DEPARTEMENTS", "COMMUNES"]);
    const acso = ["60175", "60463", "60414", "60684", "60584", "60589", "60635", "60601", "60173", "60551", "60391"];
    for (const code of ["59512", ...acso, "200068047", "200093201", "59", "60", "32"]) {
      expect(await db.territoryShape.count({ where: { territoryCode: code } }), code).toBe(3);
    }
    const communes = summaries.find((s) => s.layer === "COMMUNES")!;
    // Every current commune of the région has a contour.
    expect(await db.territoryShape.count({ where: { detail: "LOCAL", territory: { kind: "COMMUNE" } } })).toBe(3782);
    expect(communes.unmatched).toContainEqual({ code: "62461", name: "Huby-Saint-Leu", mergedInto: "62447" });
    expect(communes.unmatched.filter((u) => !u.mergedInto).length).toBeGreaterThan(0);
    expect(communes.epci).toBe(92);
  });
});
