-- CreateEnum
CREATE TYPE "ShapeDetail" AS ENUM ('REGION', 'DEPARTEMENT', 'LOCAL');

-- CreateEnum
CREATE TYPE "GeometryLayer" AS ENUM ('REGION', 'DEPARTEMENTS', 'COMMUNES', 'QPV');

-- CreateTable
CREATE TABLE "TerritoryShape" (
    "territoryCode" TEXT NOT NULL,
    "detail" "ShapeDetail" NOT NULL,
    "geometry" JSONB NOT NULL,
    "minLon" DOUBLE PRECISION NOT NULL,
    "minLat" DOUBLE PRECISION NOT NULL,
    "maxLon" DOUBLE PRECISION NOT NULL,
    "maxLat" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TerritoryShape_pkey" PRIMARY KEY ("territoryCode","detail")
);

-- CreateTable
CREATE TABLE "GeometryImport" (
    "id" SERIAL NOT NULL,
    "layer" "GeometryLayer" NOT NULL,
    "source" TEXT NOT NULL,
    "features" INTEGER NOT NULL,
    "imported" INTEGER NOT NULL,
    "unmatched" JSONB NOT NULL DEFAULT '[]',
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GeometryImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TerritoryShape_detail_idx" ON "TerritoryShape"("detail");

-- CreateIndex
CREATE INDEX "GeometryImport_layer_importedAt_idx" ON "GeometryImport"("layer", "importedAt");

-- AddForeignKey
ALTER TABLE "TerritoryShape" ADD CONSTRAINT "TerritoryShape_territoryCode_fkey" FOREIGN KEY ("territoryCode") REFERENCES "Territory"("code") ON DELETE CASCADE ON UPDATE CASCADE;
