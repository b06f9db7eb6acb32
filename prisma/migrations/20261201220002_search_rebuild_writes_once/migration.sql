-- The search rebuild writes each row once (issue 14), same results
-- (docs/decisions/004-search-and-facets.md).
--
-- The rebuild wrote every "InitiativeSearch" row without its frequent words, chose them with
-- ts_stat over the table, then UPDATEd every row to append them: half the table was dead row
-- versions (603 MB for 182,000 rows of about 1.7 KB) until a VACUUM FULL, and every results page
-- that reads the heap scanned them. The refresh now takes the threshold of a rebuild: given one,
-- it counts each lexeme's documents among the documents it is about to write (what ts_stat
-- counted: a tsvector holds a lexeme once), adds the frequent ones to "SearchFacet", and writes
-- each row with them. The documents and the names are computed once per statement, for the
-- rows, the frequent words and "SearchWord" (each was computed twice).
--
-- Without a threshold (every trigger), the refresh reads the frequent words in "SearchFacet" as
-- before. The facet pairs are still added by a statement of their own, before the rows: a row
-- inserted by a concurrent refresh is then visible to the statement that reads the ids.

DROP FUNCTION reperes_search_refresh(int[]);

CREATE FUNCTION reperes_search_refresh(ids int[], frequent_threshold int DEFAULT NULL)
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF COALESCE(current_setting('reperes.search_sync', true), '') = 'off' OR ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;

  DELETE FROM "InitiativeSearch" s
  WHERE s."initiativeId" IN (SELECT unnest(ids))
    AND NOT EXISTS (SELECT 1 FROM "Initiative" i
                    WHERE i.id = s."initiativeId" AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL);

  INSERT INTO "SearchFacet" (facet, value)
  SELECT DISTINCT p.facet, p.value FROM reperes_search_pairs(ids) p
  ON CONFLICT (facet, value) DO NOTHING;

  WITH docs AS MATERIALIZED (
    SELECT i.id,
           COALESCE(i."searchVector", ''::tsvector) || setweight(to_tsvector('french_unaccent', COALESCE(n.names, '')), 'D') AS document,
           i."publishedAt",
           lower(reperes_unaccent(i.title)) AS sort_title,
           lower(reperes_unaccent(concat_ws(' ', i.title, i.summary, n.names))) AS word_text
    FROM unnest(ids) AS k(id) JOIN "Initiative" i ON i.id = k.id
      LEFT JOIN reperes_search_names(ids) n ON n."initiativeId" = i.id
    WHERE i.status = 'PUBLISHED' AND i."deletedAt" IS NULL
  ),
  chosen AS (
    INSERT INTO "SearchFacet" (facet, value)
    SELECT '_mot', l.lexeme FROM docs d, unnest(tsvector_to_array(d.document)) AS l(lexeme)
    WHERE frequent_threshold IS NOT NULL
    GROUP BY l.lexeme HAVING count(*) >= frequent_threshold
    ORDER BY l.lexeme
    RETURNING id, value
  ),
  frequent AS (
    SELECT id, value FROM chosen
    UNION ALL
    SELECT id, value FROM "SearchFacet" WHERE facet = '_mot'
  ),
  word_tokens AS (
    SELECT d.id, array_agg(f.id ORDER BY f.id) AS facets
    FROM docs d, unnest(tsvector_to_array(d.document)) AS l(lexeme) JOIN frequent f ON f.value = l.lexeme
    GROUP BY d.id
  ),
  words AS (
    INSERT INTO "SearchWord" (word)
    SELECT DISTINCT w FROM docs d, regexp_split_to_table(d.word_text, '[^a-z0-9]+') AS w
    WHERE length(w) >= 3
    ON CONFLICT (word) DO NOTHING
  ),
  tokens AS (
    SELECT p."initiativeId", array_agg(f.id ORDER BY f.id) AS facets
    FROM reperes_search_pairs(ids) p JOIN "SearchFacet" f ON f.facet = p.facet AND f.value = p.value
    GROUP BY p."initiativeId"
  )
  INSERT INTO "InitiativeSearch" ("initiativeId", document, facets, "publishedAt", "sortTitle")
  SELECT d.id, d.document, t.facets || COALESCE(w.facets, '{}'), d."publishedAt", d.sort_title
  FROM docs d JOIN tokens t ON t."initiativeId" = d.id LEFT JOIN word_tokens w ON w.id = d.id
  ORDER BY d.id
  ON CONFLICT ("initiativeId") DO UPDATE SET
    document = EXCLUDED.document,
    facets = EXCLUDED.facets,
    "publishedAt" = EXCLUDED."publishedAt",
    "sortTitle" = EXCLUDED."sortTitle";
END $$;

CREATE OR REPLACE FUNCTION reperes_search_rebuild(min_documents int DEFAULT NULL)
  RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
  index_definitions text[];
  definition text;
BEGIN
  SELECT COALESCE(array_agg(id), '{}') INTO ids FROM "Initiative" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL;
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
  -- The frequent words are chosen while the rows are written, so each row is written once.
  PERFORM reperes_search_refresh(ids, COALESCE(min_documents, GREATEST(1000, cardinality(ids) / 50)));

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
END $$;
