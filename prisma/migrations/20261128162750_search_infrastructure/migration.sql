-- Search infrastructure that the Prisma schema cannot express: a French text-search
-- configuration that ignores accents, and triggers that keep the search columns current at
-- every write (no periodic refresh). See docs/decisions/002-search-in-postgresql.md.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it looks its dictionary up through search_path); naming the
-- dictionary makes a wrapper that can be IMMUTABLE, hence usable in indexes.
CREATE OR REPLACE FUNCTION reperes_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- "égalité", "Egalite" and "égalités" all become the lexeme "egal".
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION french_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION reperes_territory_search_text() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := lower(reperes_unaccent(concat_ws(' ', NEW.name, array_to_string(NEW.aliases, ' '), NEW.code)));
  RETURN NEW;
END
$$;

CREATE TRIGGER territory_search_text
  BEFORE INSERT OR UPDATE OF name, aliases, code ON "Territory"
  FOR EACH ROW EXECUTE FUNCTION reperes_territory_search_text();

CREATE OR REPLACE FUNCTION reperes_initiative_search_vector() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('french_unaccent', coalesce(NEW.summary, '')), 'B') ||
    setweight(to_tsvector('french_unaccent',
      concat_ws(' ', NEW.description, NEW.objectives, NEW.means, NEW.funding, NEW.results)), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER initiative_search_vector
  BEFORE INSERT OR UPDATE OF title, summary, description, objectives, means, funding, results ON "Initiative"
  FOR EACH ROW EXECUTE FUNCTION reperes_initiative_search_vector();

CREATE OR REPLACE FUNCTION reperes_lesson_search_vector() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('french_unaccent', coalesce(NEW.body, '')), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER lesson_search_vector
  BEFORE INSERT OR UPDATE OF title, body ON "Lesson"
  FOR EACH ROW EXECUTE FUNCTION reperes_lesson_search_vector();
