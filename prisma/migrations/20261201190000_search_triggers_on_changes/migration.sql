-- `AFTER UPDATE OF col` fires whenever the column is in the SET list, and the editors send every
-- field of an entry: saving an approach's description refreshed the search rows of every
-- initiative using it. These triggers now fire only when what the refresh reads has changed.
-- (CREATE OR REPLACE TRIGGER needs PostgreSQL 14; 15 is the oldest supported.)

CREATE OR REPLACE TRIGGER theme_search AFTER UPDATE OF "deletedAt", slug, "parentId", label ON "Theme"
  FOR EACH ROW WHEN (OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD.slug IS DISTINCT FROM NEW.slug
                     OR OLD."parentId" IS DISTINCT FROM NEW."parentId" OR OLD.label IS DISTINCT FROM NEW.label)
  EXECUTE FUNCTION reperes_search_on_theme();

CREATE OR REPLACE TRIGGER approach_search AFTER UPDATE OF "deletedAt", slug, label ON "Approach"
  FOR EACH ROW WHEN (OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD.slug IS DISTINCT FROM NEW.slug OR OLD.label IS DISTINCT FROM NEW.label)
  EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeApproach', 'approachId');

CREATE OR REPLACE TRIGGER criterion_search AFTER UPDATE OF "deletedAt", slug, label ON "DiscriminationCriterion"
  FOR EACH ROW WHEN (OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD.slug IS DISTINCT FROM NEW.slug OR OLD.label IS DISTINCT FROM NEW.label)
  EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeCriterion', 'criterionId');

CREATE OR REPLACE TRIGGER domain_search AFTER UPDATE OF "deletedAt", slug, label ON "Domain"
  FOR EACH ROW WHEN (OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD.slug IS DISTINCT FROM NEW.slug OR OLD.label IS DISTINCT FROM NEW.label)
  EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeDomain', 'domainId');

CREATE OR REPLACE TRIGGER public_search AFTER UPDATE OF "deletedAt", slug, label ON "Public"
  FOR EACH ROW WHEN (OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD.slug IS DISTINCT FROM NEW.slug OR OLD.label IS DISTINCT FROM NEW.label)
  EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativePublic', 'publicId');

-- A lesson's places depend on its source; a source's on its status and its event. A trigger that
-- compares OLD with NEW cannot also fire on INSERT: the lesson trigger is split in two.
DROP TRIGGER lesson_places ON "Lesson";
CREATE TRIGGER lesson_places AFTER INSERT ON "Lesson"
  FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_lesson();
CREATE TRIGGER lesson_places_source AFTER UPDATE OF "sourceId" ON "Lesson"
  FOR EACH ROW WHEN (OLD."sourceId" IS DISTINCT FROM NEW."sourceId")
  EXECUTE FUNCTION reperes_lesson_places_on_lesson();

CREATE OR REPLACE TRIGGER source_lesson_places AFTER UPDATE OF status, "deletedAt", "eventId" ON "Source"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD."eventId" IS DISTINCT FROM NEW."eventId")
  EXECUTE FUNCTION reperes_lesson_places_on_source();
