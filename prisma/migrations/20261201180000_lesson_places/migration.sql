-- CreateTable
CREATE TABLE "LessonPlace" (
    "lessonId" INTEGER NOT NULL,
    "territoryCode" TEXT NOT NULL,

    CONSTRAINT "LessonPlace_pkey" PRIMARY KEY ("lessonId","territoryCode")
);

-- CreateIndex
CREATE INDEX "LessonPlace_territoryCode_lessonId_idx" ON "LessonPlace"("territoryCode", "lessonId");

-- AddForeignKey
ALTER TABLE "LessonPlace" ADD CONSTRAINT "LessonPlace_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonPlace" ADD CONSTRAINT "LessonPlace_territoryCode_fkey" FOREIGN KEY ("territoryCode") REFERENCES "Territory"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- The places of lessons, recomputed for the given lessons in the transaction of every edit that
-- can change them (like the initiative search read model, ADR 004). A lesson's places are the
-- territories of its published initiatives; a lesson tied to no published initiative takes those
-- of the published initiatives citing its public source, or the event that source comes from.
CREATE OR REPLACE FUNCTION reperes_lesson_places_refresh(ids int[]) RETURNS void
  LANGUAGE sql AS $$
  DELETE FROM "LessonPlace" WHERE "lessonId" = ANY(ids);
  INSERT INTO "LessonPlace" ("lessonId", "territoryCode")
  SELECT li."lessonId", it."territoryCode" FROM "LessonInitiative" li
    JOIN "Initiative" i ON i.id = li."initiativeId" AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL
    JOIN "InitiativeTerritory" it ON it."initiativeId" = i.id
  WHERE li."lessonId" = ANY(ids)
  UNION
  SELECT l.id, it."territoryCode" FROM "Lesson" l
    JOIN "Source" s ON s.id = l."sourceId" OR s.id = (SELECT e."eventId" FROM "Source" e WHERE e.id = l."sourceId")
    JOIN "InitiativeSource" x ON x."sourceId" = s.id
    JOIN "Initiative" i ON i.id = x."initiativeId" AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL
    JOIN "InitiativeTerritory" it ON it."initiativeId" = i.id
  WHERE l.id = ANY(ids) AND s.status = 'PUBLISHED' AND s."deletedAt" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "LessonInitiative" li JOIN "Initiative" i ON i.id = li."initiativeId"
      WHERE li."lessonId" = l.id AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL)
  ON CONFLICT DO NOTHING;
$$;

-- The lessons whose places can follow from these sources: their own, and their documents'.
CREATE OR REPLACE FUNCTION reperes_lessons_of_sources(ids int[]) RETURNS int[]
  LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(DISTINCT l.id), '{}') FROM "Lesson" l
  WHERE l."sourceId" = ANY(ids) OR l."sourceId" IN (SELECT d.id FROM "Source" d WHERE d."eventId" = ANY(ids));
$$;

-- The lessons whose places can follow from these initiatives: tied to them, or citing what they cite.
CREATE OR REPLACE FUNCTION reperes_lessons_of_initiatives(ids int[]) RETURNS int[]
  LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(DISTINCT id), '{}') FROM (
    SELECT li."lessonId" AS id FROM "LessonInitiative" li WHERE li."initiativeId" = ANY(ids)
    UNION ALL
    SELECT unnest(reperes_lessons_of_sources(ARRAY(SELECT x."sourceId" FROM "InitiativeSource" x WHERE x."initiativeId" = ANY(ids))))
  ) lessons;
$$;

-- Set-based, for bulk loaders that ran with `reperes.search_sync = 'off'`.
CREATE OR REPLACE FUNCTION reperes_lesson_places_rebuild() RETURNS void
  LANGUAGE sql AS $$
  SELECT reperes_lesson_places_refresh(ARRAY(SELECT id FROM "Lesson"));
$$;

-- Triggers: every edit that can change a lesson's places refreshes the lessons concerned.
-- Bulk loaders that set `reperes.search_sync = 'off'` call reperes_lesson_places_rebuild() after.
CREATE OR REPLACE FUNCTION reperes_lesson_places_sync() RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT current_setting('reperes.search_sync', true) IS DISTINCT FROM 'off';
$$;

CREATE OR REPLACE FUNCTION reperes_lesson_places_on_lesson() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF reperes_lesson_places_sync() THEN PERFORM reperes_lesson_places_refresh(ARRAY[NEW.id]); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER lesson_places AFTER INSERT OR UPDATE OF "sourceId" ON "Lesson"
  FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_lesson();

CREATE OR REPLACE FUNCTION reperes_lesson_places_on_lesson_initiative() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(ARRAY(
      SELECT DISTINCT id FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."lessonId" END,
                                           CASE WHEN TG_OP <> 'DELETE' THEN NEW."lessonId" END]) AS id
      WHERE id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER lesson_initiative_places AFTER INSERT OR UPDATE OR DELETE ON "LessonInitiative"
  FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_lesson_initiative();

-- An initiative's visibility and territories: the lessons tied to it or citing what it cites.
CREATE OR REPLACE FUNCTION reperes_lesson_places_on_initiative() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(reperes_lessons_of_initiatives(ARRAY[NEW.id]));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER initiative_lesson_places AFTER UPDATE OF status, "deletedAt" ON "Initiative"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
  EXECUTE FUNCTION reperes_lesson_places_on_initiative();

CREATE OR REPLACE FUNCTION reperes_lesson_places_on_initiative_territory() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(reperes_lessons_of_initiatives(ARRAY(
      SELECT id FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."initiativeId" END,
                                  CASE WHEN TG_OP <> 'DELETE' THEN NEW."initiativeId" END]) AS id
      WHERE id IS NOT NULL)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER initiative_territory_lesson_places AFTER INSERT OR UPDATE OR DELETE ON "InitiativeTerritory"
  FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_initiative_territory();

-- Citations: the lessons of the cited source (and of its documents) may take other places.
CREATE OR REPLACE FUNCTION reperes_lesson_places_on_initiative_source() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(reperes_lessons_of_sources(ARRAY(
      SELECT id FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."sourceId" END,
                                  CASE WHEN TG_OP <> 'DELETE' THEN NEW."sourceId" END]) AS id
      WHERE id IS NOT NULL)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER initiative_source_lesson_places AFTER INSERT OR UPDATE OR DELETE ON "InitiativeSource"
  FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_initiative_source();

CREATE OR REPLACE FUNCTION reperes_lesson_places_on_source() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(reperes_lessons_of_sources(ARRAY[NEW.id]));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER source_lesson_places AFTER UPDATE OF status, "deletedAt", "eventId" ON "Source"
  FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_source();

-- The places of the lessons already there.
SELECT reperes_lesson_places_rebuild();
