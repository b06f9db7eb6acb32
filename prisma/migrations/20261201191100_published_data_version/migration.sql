-- AlterTable
ALTER TABLE "SearchVersion" ADD COLUMN     "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Hand-written (ADR 011): row 1 of "SearchVersion" becomes the one freshness signal of the
-- published data. The HTTP validators of the API and the feeds are derived from it instead of a
-- max("updatedAt") and row counts over some tables, which missed what changes without stamping
-- an entry's "updatedAt" (a link removed alone, a lesson's themes, an actor's areas, a script).
--
-- "changedAt" is the clock when the version moves, never earlier than the previous move (the row
-- lock orders the transactions that move it): the open data's Last-Modified.
CREATE OR REPLACE FUNCTION reperes_search_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SearchVersion" SET version = version + 1, "changedAt" = greatest(clock_timestamp(), "changedAt") WHERE id = 1;
  RETURN NULL;
END $$;

-- Until now only what search shows moved it (the search read model, the vocabularies, the
-- territories, the synonyms). The API, the feeds and the PDF sheets also show actors, lessons,
-- sources and the links between them: every table they read now moves it, directly (links that
-- already refresh the read model move it through "InitiativeSearch" as before).
CREATE TRIGGER initiative_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Initiative"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER initiative_source_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InitiativeSource"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER actor_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Actor"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER actor_area_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActorArea"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER lesson_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Lesson"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER lesson_theme_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LessonTheme"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER lesson_approach_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LessonApproach"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER source_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Source"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER territory_parent_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TerritoryParent"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
