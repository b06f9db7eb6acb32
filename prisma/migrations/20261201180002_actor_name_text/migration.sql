-- AlterTable
ALTER TABLE "Actor" ADD COLUMN     "nameText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Actor_nameText_idx" ON "Actor" USING GIN ("nameText" gin_trgm_ops);

-- searchText as before, and nameText: name and acronym alone, normalised the same way. A word
-- found in no actor's text is matched by closeness against nameText only (lib/public/actors.ts):
-- scoring it against whole descriptions read thousands of rows at 20,000 actors.
CREATE OR REPLACE FUNCTION reperes_actor_search_text() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := regexp_replace(
    lower(reperes_unaccent(NEW.name || ' ' || coalesce(NEW.acronym, '') || ' ' || NEW.description)), '[^a-z0-9]+', ' ', 'g');
  NEW."nameText" := trim(regexp_replace(
    lower(reperes_unaccent(NEW.name || ' ' || coalesce(NEW.acronym, ''))), '[^a-z0-9]+', ' ', 'g'));
  RETURN NEW;
END
$$;

-- Filled directly: touching name would refresh the search index of every linked initiative.
UPDATE "Actor" SET "nameText" = trim(regexp_replace(
  lower(reperes_unaccent(name || ' ' || coalesce(acronym, ''))), '[^a-z0-9]+', ' ', 'g'));
