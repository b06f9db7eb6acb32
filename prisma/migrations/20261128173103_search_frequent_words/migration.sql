-- Posting bitmaps for frequent words (issue 6, docs/decisions/004-search-and-facets.md).
--
-- A word found in a large share of the base (a "frequent lexeme") becomes a filter value like
-- the others: a "SearchFacet" row ('_mot', lexeme) whose id is carried in the `facets` of every
-- search row whose document contains it, so the same row trigger keeps its bitmap. The text
-- mask of a query made of such words is then an AND/OR of bitmaps, instead of being built from
-- tens of thousands of ids returned by the GIN index. The set of frequent words is chosen by
-- reperes_search_rebuild(); between rebuilds it is fixed, and every row's tokens are exact for
-- it, so a bitmap always equals what `document @@ lexeme` finds (tested).

-- Same as in public_search_triggers, plus the '_mot' tokens of the document.
CREATE OR REPLACE FUNCTION reperes_search_refresh(ids int[]) RETURNS void
  LANGUAGE plpgsql AS $$
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

  INSERT INTO "InitiativeSearch" ("initiativeId", document, facets, "publishedAt", "sortTitle")
  WITH tokens AS (
    SELECT p."initiativeId", array_agg(f.id ORDER BY f.id) AS facets
    FROM reperes_search_pairs(ids) p JOIN "SearchFacet" f ON f.facet = p.facet AND f.value = p.value
    GROUP BY p."initiativeId"
  ),
  docs AS (
    SELECT i.id,
           COALESCE(i."searchVector", ''::tsvector) || setweight(to_tsvector('french_unaccent', COALESCE(n.names, '')), 'D') AS document,
           i."publishedAt",
           lower(reperes_unaccent(i.title)) AS sort_title
    FROM unnest(ids) AS k(id) JOIN "Initiative" i ON i.id = k.id
      LEFT JOIN reperes_search_names(ids) n ON n."initiativeId" = i.id
    WHERE i.status = 'PUBLISHED' AND i."deletedAt" IS NULL
  )
  SELECT d.id,
         d.document,
         -- The EXISTS is computed once: a rebuild (no frequent word chosen yet) skips the lookups.
         t.facets || CASE WHEN EXISTS (SELECT 1 FROM "SearchFacet" WHERE facet = '_mot')
                          THEN ARRAY(SELECT f.id FROM "SearchFacet" f
                                     WHERE f.facet = '_mot' AND f.value = ANY(tsvector_to_array(d.document)) ORDER BY f.id)
                          ELSE '{}'::int[] END,
         d."publishedAt",
         d.sort_title
  FROM docs d JOIN tokens t ON t."initiativeId" = d.id
  ORDER BY d.id
  ON CONFLICT ("initiativeId") DO UPDATE SET
    document = EXCLUDED.document,
    facets = EXCLUDED.facets,
    "publishedAt" = EXCLUDED."publishedAt",
    "sortTitle" = EXCLUDED."sortTitle";

  INSERT INTO "SearchWord" (word)
  SELECT DISTINCT w FROM unnest(ids) AS k(id) JOIN "Initiative" i ON i.id = k.id
    LEFT JOIN reperes_search_names(ids) n ON n."initiativeId" = i.id,
    regexp_split_to_table(lower(reperes_unaccent(concat_ws(' ', i.title, i.summary, n.names))), '[^a-z0-9]+') AS w
  WHERE i.status = 'PUBLISHED' AND i."deletedAt" IS NULL AND length(w) >= 3
  ON CONFLICT (word) DO NOTHING;
END
$$;

-- Rebuilds everything, set-based, and chooses the frequent words: those in at least
-- `min_documents` public initiatives (default: 2 % of them, and at least 1,000, below which
-- building a word's mask from the GIN index costs about a millisecond).
DROP FUNCTION reperes_search_rebuild();
CREATE FUNCTION reperes_search_rebuild(min_documents int DEFAULT NULL) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
  threshold int;
BEGIN
  SELECT COALESCE(array_agg(id), '{}') INTO ids FROM "Initiative" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL;
  threshold := COALESCE(min_documents, GREATEST(1000, cardinality(ids) / 50));
  TRUNCATE "InitiativeSearch", "SearchPosting", "SearchWord";
  DELETE FROM "SearchFacet" WHERE facet = '_mot';
  -- Rows are written with the per-row bitmap trigger off; the bitmaps are then built in one pass.
  -- Both settings are local to the transaction: a bulk loader's session setting comes back after.
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
