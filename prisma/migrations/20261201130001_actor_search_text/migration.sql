-- AlterTable
ALTER TABLE "Actor" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Actor_searchText_idx" ON "Actor" USING GIN ("searchText" gin_trgm_ops);

-- What /acteurs matches words against (lib/public/actors.ts): the same normalisation as the
-- query's words, so that "Kif-Kif", "kif kif" and "KIF KIF" meet, and "défenseur" meets "defenseur".
CREATE OR REPLACE FUNCTION reperes_actor_search_text() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := regexp_replace(
    lower(reperes_unaccent(NEW.name || ' ' || coalesce(NEW.acronym, '') || ' ' || NEW.description)), '[^a-z0-9]+', ' ', 'g');
  RETURN NEW;
END
$$;

CREATE TRIGGER actor_search_text BEFORE INSERT OR UPDATE OF name, acronym, description ON "Actor"
  FOR EACH ROW EXECUTE FUNCTION reperes_actor_search_text();

-- Filled directly: touching name would refresh the search index of every linked initiative.
UPDATE "Actor" SET "searchText" = regexp_replace(
  lower(reperes_unaccent(name || ' ' || coalesce(acronym, '') || ' ' || description)), '[^a-z0-9]+', ' ', 'g');
