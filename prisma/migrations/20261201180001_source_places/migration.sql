-- CreateTable
CREATE TABLE "SourcePlace" (
    "sourceId" INTEGER NOT NULL,
    "territoryCode" TEXT NOT NULL,

    CONSTRAINT "SourcePlace_pkey" PRIMARY KEY ("sourceId","territoryCode")
);

-- CreateIndex
CREATE INDEX "SourcePlace_territoryCode_sourceId_idx" ON "SourcePlace"("territoryCode", "sourceId");

-- AddForeignKey
ALTER TABLE "SourcePlace" ADD CONSTRAINT "SourcePlace_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourcePlace" ADD CONSTRAINT "SourcePlace_territoryCode_fkey" FOREIGN KEY ("territoryCode") REFERENCES "Territory"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- The places of sources: the territories of the published initiatives citing them, recomputed
-- for the given sources in the transaction of every edit that can change them (ADR 004).
CREATE OR REPLACE FUNCTION reperes_source_places_refresh(ids int[]) RETURNS void
  LANGUAGE sql AS $$
  DELETE FROM "SourcePlace" WHERE "sourceId" = ANY(ids);
  INSERT INTO "SourcePlace" ("sourceId", "territoryCode")
  SELECT DISTINCT x."sourceId", it."territoryCode" FROM "InitiativeSource" x
    JOIN "Initiative" i ON i.id = x."initiativeId" AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL
    JOIN "InitiativeTerritory" it ON it."initiativeId" = i.id
  WHERE x."sourceId" = ANY(ids);
$$;

CREATE OR REPLACE FUNCTION reperes_source_places_rebuild() RETURNS void
  LANGUAGE sql AS $$
  SELECT reperes_source_places_refresh(ARRAY(SELECT id FROM "Source"));
$$;

-- An initiative's visibility, territories or citations: the sources it cites (or cited).
CREATE OR REPLACE FUNCTION reperes_source_places_on_initiative() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_source_places_refresh(ARRAY(SELECT x."sourceId" FROM "InitiativeSource" x WHERE x."initiativeId" = NEW.id));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER initiative_source_places AFTER UPDATE OF status, "deletedAt" ON "Initiative"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
  EXECUTE FUNCTION reperes_source_places_on_initiative();

CREATE OR REPLACE FUNCTION reperes_source_places_on_initiative_territory() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_source_places_refresh(ARRAY(SELECT x."sourceId" FROM "InitiativeSource" x
      WHERE x."initiativeId" IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."initiativeId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."initiativeId" END)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER initiative_territory_source_places AFTER INSERT OR UPDATE OR DELETE ON "InitiativeTerritory"
  FOR EACH ROW EXECUTE FUNCTION reperes_source_places_on_initiative_territory();

CREATE OR REPLACE FUNCTION reperes_source_places_on_initiative_source() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_source_places_refresh(ARRAY(
      SELECT id FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."sourceId" END,
                                  CASE WHEN TG_OP <> 'DELETE' THEN NEW."sourceId" END]) AS id
      WHERE id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER initiative_source_source_places AFTER INSERT OR UPDATE OR DELETE ON "InitiativeSource"
  FOR EACH ROW EXECUTE FUNCTION reperes_source_places_on_initiative_source();

SELECT reperes_source_places_rebuild();
