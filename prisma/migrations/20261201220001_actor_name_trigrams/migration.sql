-- The trigrams of an actor's name as sorted integers, so that /acteurs ranks by pg_trgm's
-- similarity without extracting them for every match: `similarity(nameText, words)` cost 15 µs
-- per actor (lowercasing, splitting, sorting on each call), 290 ms for the 18,000 actors a
-- frequent word finds among 20,000; the same figure from stored trigrams (intarray's sorted
-- intersection) about a tenth of that. Exact: nameText and the query's words hold only
-- [a-z0-9] and spaces, so each trigram pg_trgm makes is three ASCII characters, one integer.
-- In a schema of its own, off the search path: intarray defines && @> <@ for int[], which would
-- take the place of PostgreSQL's own in every query on int[] columns, and the GIN index of
-- "InitiativeSearch".facets (array_ops) serves only PostgreSQL's: every facet filter became a
-- sequential scan. Its functions and operators are named with the schema where used.
CREATE SCHEMA IF NOT EXISTS intarray;
CREATE EXTENSION IF NOT EXISTS intarray SCHEMA intarray;

CREATE OR REPLACE FUNCTION reperes_trigram_ids(normalised text) RETURNS int[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(ascii(substr(t, 1, 1)) * 65536 + ascii(substr(t, 2, 1)) * 256 + ascii(substr(t, 3, 1)) ORDER BY 1), '{}')
  FROM unnest(show_trgm(normalised)) t;
$$;

-- pg_trgm's similarity (shared trigrams over trigrams of either, as float4) from two such arrays.
-- One expression, so that PostgreSQL inlines it into the query.
CREATE OR REPLACE FUNCTION reperes_trigram_similarity(a int[], b int[]) RETURNS real
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN cardinality(a) = 0 OR cardinality(b) = 0 THEN 0::real
    ELSE intarray.icount(a OPERATOR(intarray.&) b)::real
         / (cardinality(a) + cardinality(b) - intarray.icount(a OPERATOR(intarray.&) b))::real END;
$$;

ALTER TABLE "Actor" ADD COLUMN "nameTrigrams" INTEGER[] NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION reperes_actor_search_text() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := regexp_replace(
    lower(reperes_unaccent(NEW.name || ' ' || coalesce(NEW.acronym, '') || ' ' || NEW.description)), '[^a-z0-9]+', ' ', 'g');
  NEW."nameText" := trim(regexp_replace(
    lower(reperes_unaccent(NEW.name || ' ' || coalesce(NEW.acronym, ''))), '[^a-z0-9]+', ' ', 'g'));
  NEW."nameTrigrams" := reperes_trigram_ids(NEW."nameText");
  RETURN NEW;
END
$$;

-- Filled directly: touching name would refresh the search index of every linked initiative.
UPDATE "Actor" SET "nameTrigrams" = reperes_trigram_ids("nameText");
