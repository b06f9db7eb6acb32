-- CreateTable
CREATE TABLE "SearchSynonym" (
    "id" SERIAL NOT NULL,
    "terms" TEXT[],
    "source" TEXT NOT NULL DEFAULT '',
    "refKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "SearchSynonym_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchSynonym_refKey_key" ON "SearchSynonym"("refKey");

-- Hand-written (issue 10, findability): labels in the document, field synonyms, hyphens.

-- The search version moves with the synonyms: a cached result must not outlive an edit of them.
CREATE TRIGGER search_synonym_search_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SearchSynonym"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- Names of published actors, linked territories (not their ancestors: "Roubaix" must not find an
-- initiative of the whole département), published lessons, and now the labels of the entry's
-- themes (and their parents), approaches, criteria, domains and publics: weight D of the
-- document, so that "discriminations Roubaix" or "testing" find what is only tagged so.
CREATE OR REPLACE FUNCTION reperes_search_names(ids int[])
  RETURNS TABLE ("initiativeId" int, names text)
  LANGUAGE sql STABLE AS $$
  -- In a fixed order, so that a refresh and a rebuild write the same document.
  SELECT n.id, string_agg(n.name, ' ' ORDER BY n.name) FROM (
    SELECT l."initiativeId" AS id, concat_ws(' ', a.name, a.acronym) AS name
    FROM unnest(ids) AS k(id) JOIN "InitiativeActor" l ON l."initiativeId" = k.id JOIN "Actor" a ON a.id = l."actorId"
    WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL
    UNION ALL
    SELECT l."initiativeId", concat_ws(' ', t.name, array_to_string(t.aliases, ' '))
    FROM unnest(ids) AS k(id) JOIN "InitiativeTerritory" l ON l."initiativeId" = k.id JOIN "Territory" t ON t.code = l."territoryCode"
    UNION ALL
    SELECT l."initiativeId", x.title
    FROM unnest(ids) AS k(id) JOIN "LessonInitiative" l ON l."initiativeId" = k.id JOIN "Lesson" x ON x.id = l."lessonId"
    WHERE x.status = 'PUBLISHED' AND x."deletedAt" IS NULL
    UNION ALL
    SELECT l."initiativeId", x.label
    FROM unnest(ids) AS k(id) JOIN "InitiativeTheme" l ON l."initiativeId" = k.id JOIN "Theme" t ON t.id = l."themeId"
      JOIN "Theme" x ON x.id IN (t.id, t."parentId")
    WHERE x."deletedAt" IS NULL
    UNION ALL
    SELECT l."initiativeId", x.label
    FROM unnest(ids) AS k(id) JOIN "InitiativeApproach" l ON l."initiativeId" = k.id JOIN "Approach" x ON x.id = l."approachId"
    WHERE x."deletedAt" IS NULL
    UNION ALL
    SELECT l."initiativeId", x.label
    FROM unnest(ids) AS k(id) JOIN "InitiativeCriterion" l ON l."initiativeId" = k.id JOIN "DiscriminationCriterion" x ON x.id = l."criterionId"
    WHERE x."deletedAt" IS NULL
    UNION ALL
    SELECT l."initiativeId", x.label
    FROM unnest(ids) AS k(id) JOIN "InitiativeDomain" l ON l."initiativeId" = k.id JOIN "Domain" x ON x.id = l."domainId"
    WHERE x."deletedAt" IS NULL
    UNION ALL
    SELECT l."initiativeId", x.label
    FROM unnest(ids) AS k(id) JOIN "InitiativePublic" l ON l."initiativeId" = k.id JOIN "Public" x ON x.id = l."publicId"
    WHERE x."deletedAt" IS NULL
  ) n GROUP BY n.id
$$;

-- A renamed label is now part of the documents: refresh them in the renaming transaction. A
-- theme's label also shows in the documents of its sub-themes' initiatives.
CREATE OR REPLACE FUNCTION reperes_search_on_theme() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM reperes_search_refresh(ARRAY(
    SELECT DISTINCT l."initiativeId" FROM "InitiativeTheme" l JOIN "Theme" t ON t.id = l."themeId"
    WHERE t.id = NEW.id OR t."parentId" = NEW.id));
  RETURN NULL;
END
$$;

DROP TRIGGER theme_search ON "Theme";
CREATE TRIGGER theme_search AFTER UPDATE OF "deletedAt", slug, "parentId", label ON "Theme"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_theme();
DROP TRIGGER approach_search ON "Approach";
CREATE TRIGGER approach_search AFTER UPDATE OF "deletedAt", slug, label ON "Approach"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeApproach', 'approachId');
DROP TRIGGER criterion_search ON "DiscriminationCriterion";
CREATE TRIGGER criterion_search AFTER UPDATE OF "deletedAt", slug, label ON "DiscriminationCriterion"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeCriterion', 'criterionId');
DROP TRIGGER domain_search ON "Domain";
CREATE TRIGGER domain_search AFTER UPDATE OF "deletedAt", slug, label ON "Domain"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeDomain', 'domainId');
DROP TRIGGER public_search ON "Public";
CREATE TRIGGER public_search AFTER UPDATE OF "deletedAt", slug, label ON "Public"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativePublic', 'publicId');

-- The comparison key of a word or phrase of the field: lower case, no accents, hyphens and
-- apostrophes as spaces, a final plural s dropped ("Tests de situation" = "test de situation").
CREATE FUNCTION reperes_search_key(phrase text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(string_agg(regexp_replace(w, '(.{3,})s$', '\1'), ' ' ORDER BY n), '')
  FROM regexp_split_to_table(lower(reperes_unaccent(COALESCE(phrase, ''))), '[^a-z0-9]+') WITH ORDINALITY AS x(w, n)
  WHERE w <> ''
$$;

-- One term as a tsquery: its words ANDed, and for a hyphenated term its words written together
-- too, so that "Kif-Kif" finds "Kif Kif", "Kif-Kif" and "KifKif" (apostrophes only elide:
-- "l'égalité" is "égalité", never "légalité").
CREATE FUNCTION reperes_search_term(term text) RETURNS tsquery
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN spaced ~ '-'
              THEN plainto_tsquery('french_unaccent', replace(spaced, '-', ' ')) || plainto_tsquery('french_unaccent', replace(spaced, '-', ''))
              ELSE plainto_tsquery('french_unaccent', spaced) END
  FROM (SELECT regexp_replace(lower(reperes_unaccent(COALESCE(term, ''))), '[^a-z0-9-]+', ' ', 'g') AS spaced) t
$$;

-- The groups of a query, in order: each word, or the longest phrase (up to five words) that is a
-- term of a synonym group, with its tsquery (the term's synonyms ORed). Words that are only stop
-- words give no group. A query using the web search syntax (quotes, OR, -word) is one group, read
-- as web search, as before.
CREATE FUNCTION reperes_search_groups(q text)
  RETURNS TABLE (group_no int, group_words text, group_query tsquery)
  LANGUAGE plpgsql STABLE AS $$
DECLARE
  tokens text[];
  token_keys text[];
  -- Every term's key and its group, read once: a query costs one read of the (small) table.
  term_keys text[];
  term_groups int[];
  position_in int := 1;
  matched_span int;
  found_at int;
  synonym_terms text[];
  built tsquery;
BEGIN
  group_no := 0;
  IF COALESCE(q, '') ~ '"' OR COALESCE(q, '') ~* '(^|\s)or(\s|$)' OR COALESCE(q, '') ~ '(^|\s)-[^\s-]' THEN
    group_words := q;
    group_query := websearch_to_tsquery('french_unaccent', q);
    IF numnode(group_query) > 0 THEN
      group_no := 1;
      RETURN NEXT;
    END IF;
    RETURN;
  END IF;
  SELECT COALESCE(array_agg(btrim(t, '-') ORDER BY o), '{}') INTO tokens
  FROM regexp_split_to_table(lower(reperes_unaccent(COALESCE(q, ''))), '[^a-z0-9-]+') WITH ORDINALITY AS x(t, o)
  WHERE btrim(t, '-') <> '';
  IF cardinality(tokens) = 0 THEN
    RETURN;
  END IF;
  SELECT array_agg(reperes_search_key(t) ORDER BY o) INTO token_keys FROM unnest(tokens) WITH ORDINALITY AS x(t, o);
  SELECT COALESCE(array_agg(reperes_search_key(st.term)), '{}'), COALESCE(array_agg(s.id), '{}') INTO term_keys, term_groups
  FROM "SearchSynonym" s, unnest(s.terms) AS st(term)
  WHERE s."deletedAt" IS NULL;

  WHILE position_in <= cardinality(tokens) LOOP
    synonym_terms := NULL;
    IF cardinality(term_keys) > 0 THEN
      FOR span IN REVERSE LEAST(5, cardinality(tokens) - position_in + 1)..1 LOOP
        found_at := array_position(term_keys, array_to_string(token_keys[position_in:position_in + span - 1], ' '));
        IF found_at IS NOT NULL THEN
          SELECT s.terms INTO synonym_terms FROM "SearchSynonym" s WHERE s.id = term_groups[found_at];
          -- The loop's variable does not outlive the loop.
          matched_span := span;
          EXIT;
        END IF;
      END LOOP;
    END IF;
    IF synonym_terms IS NOT NULL THEN
      built := '';
      FOR i IN 1..cardinality(synonym_terms) LOOP
        built := built || reperes_search_term(synonym_terms[i]);
      END LOOP;
      -- The words as typed are searched too (a hyphenated form the group does not list).
      group_words := array_to_string(tokens[position_in:position_in + matched_span - 1], ' ');
      built := built || reperes_search_term(group_words);
      group_query := built;
      position_in := position_in + matched_span;
    ELSE
      group_words := tokens[position_in];
      group_query := reperes_search_term(tokens[position_in]);
      position_in := position_in + 1;
    END IF;
    IF numnode(group_query) > 0 THEN
      group_no := group_no + 1;
      RETURN NEXT;
    END IF;
  END LOOP;
END
$$;

-- The tsquery of a practitioner's query: every group must match (AND), each group by any of its
-- forms (OR).
CREATE FUNCTION reperes_search_tsquery(q text) RETURNS tsquery
  LANGUAGE plpgsql STABLE AS $$
DECLARE
  result tsquery := '';
  g record;
BEGIN
  FOR g IN SELECT * FROM reperes_search_groups(q) ORDER BY 1 LOOP
    result := result && g.group_query;
  END LOOP;
  RETURN result;
END
$$;

-- Documents written before the labels counted.
SELECT reperes_search_rebuild();

-- Row 2 of "SearchVersion": the version of the place names (territory names and aliases), read
-- with the search version in the same statement. The place words of a query are matched against
-- names kept in memory per version of this row: it moves only when a territory changes, not at
-- every edit of an initiative.
INSERT INTO "SearchVersion" (id, version) VALUES (2, 0) ON CONFLICT (id) DO NOTHING;

CREATE FUNCTION reperes_place_names_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SearchVersion" SET version = version + 1 WHERE id = 2;
  RETURN NULL;
END $$;

CREATE TRIGGER territory_place_names_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Territory"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_place_names_version_bump();
