-- Faster rebuild of the search read model (issue 6), same results
-- (docs/decisions/004-search-and-facets.md).
--
-- The secondary indexes of "InitiativeSearch" are dropped while the table is refilled,
-- then built once each, instead of 180,000 GIN insertions made twice (the frequent-word pass
-- rewrites every row). The definitions are read from the catalogue, so the indexes come back
-- exactly as the migrations made them; all of it runs in the caller's transaction, so a failure
-- restores them.
CREATE OR REPLACE FUNCTION reperes_search_rebuild(min_documents int DEFAULT NULL) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
  threshold int;
  index_definitions text[];
  definition text;
BEGIN
  SELECT COALESCE(array_agg(id), '{}') INTO ids FROM "Initiative" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL;
  threshold := COALESCE(min_documents, GREATEST(1000, cardinality(ids) / 50));
  TRUNCATE "InitiativeSearch", "SearchPosting", "SearchWord";
  DELETE FROM "SearchFacet" WHERE facet = '_mot';

  SELECT COALESCE(array_agg(pg_get_indexdef(x.indexrelid)), '{}') INTO index_definitions
  FROM pg_index x WHERE x.indrelid = '"InitiativeSearch"'::regclass AND NOT x.indisunique;
  FOR definition IN
    SELECT x.indexrelid::regclass::text FROM pg_index x WHERE x.indrelid = '"InitiativeSearch"'::regclass AND NOT x.indisunique
  LOOP
    EXECUTE 'DROP INDEX ' || definition;
  END LOOP;

  -- Rows are written with the per-row bitmap trigger off; the bitmaps are then built in one pass.
  -- Settings are local to the transaction: a bulk loader's session setting comes back after.
  PERFORM set_config('reperes.search_sync', 'on', true);
  PERFORM set_config('reperes.search_postings', 'off', true);
  PERFORM reperes_search_refresh(ids);

  INSERT INTO "SearchFacet" (facet, value)
  SELECT '_mot', word FROM ts_stat('SELECT document FROM "InitiativeSearch"') WHERE ndoc >= threshold;
  UPDATE "InitiativeSearch" s SET facets = s.facets || w.tokens
  FROM (
    SELECT s2."initiativeId", array_agg(f.id ORDER BY f.id) AS tokens
    FROM "InitiativeSearch" s2, unnest(tsvector_to_array(s2.document)) AS l(lexeme)
      JOIN "SearchFacet" f ON f.facet = '_mot' AND f.value = l.lexeme
    GROUP BY s2."initiativeId"
  ) w
  WHERE w."initiativeId" = s."initiativeId";

  PERFORM set_config('maintenance_work_mem', '256MB', true);
  FOREACH definition IN ARRAY index_definitions LOOP
    EXECUTE definition;
  END LOOP;

  PERFORM set_config('reperes.search_postings', 'on', true);
  INSERT INTO "SearchPosting" (token, chunk, bits)
  SELECT token, chunk, rpad(string_agg(repeat('0', gap) || '1', '' ORDER BY pos), 65536, '0')::varbit
  FROM (
    SELECT u.token, s."initiativeId" >> 16 AS chunk, s."initiativeId" & 65535 AS pos,
           (s."initiativeId" & 65535)
             - COALESCE(lag(s."initiativeId" & 65535) OVER (PARTITION BY u.token, s."initiativeId" >> 16 ORDER BY s."initiativeId"), -1)
             - 1 AS gap
    FROM "InitiativeSearch" s, unnest(s.facets) AS u(token)
  ) runs
  GROUP BY token, chunk;
END
$$;
