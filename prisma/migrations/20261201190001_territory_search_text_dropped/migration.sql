-- "searchText" fed the two territory lookups that lib/territories/lookup.ts replaced (it reads
-- "nameKey", "aliasKeys" and "postcodes"): nothing reads it any more. The trigger keeps the keys
-- only, and fires only when a name or an alias is written.
DROP INDEX "Territory_searchText_idx";
ALTER TABLE "Territory" DROP COLUMN "searchText";

CREATE OR REPLACE FUNCTION reperes_territory_search_text() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."nameKey" := reperes_place_key(NEW.name);
  NEW."aliasKeys" := ARRAY(SELECT reperes_place_key(a) FROM unnest(NEW.aliases) AS a);
  RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER territory_search_text
  BEFORE INSERT OR UPDATE OF name, aliases ON "Territory"
  FOR EACH ROW EXECUTE FUNCTION reperes_territory_search_text();
