-- Every SQL function and trigger that prisma/migrations leave in the database, as PostgreSQL
-- prints them back (pg_get_functiondef, pg_get_triggerdef): the one place to read what runs
-- today. Written by `npm run db:sql-definitions`; tests/integration/sql-definitions.test.ts
-- fails when it differs from what the migrations produce. Change a function by a migration,
-- then write this file again. The search read model kept by these triggers: ADR 004.

-- Functions, by name

-- Run by actor_search_text ON "Actor"
CREATE OR REPLACE FUNCTION public.reperes_actor_search_text()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW."searchText" := regexp_replace(
    lower(reperes_unaccent(NEW.name || ' ' || coalesce(NEW.acronym, '') || ' ' || NEW.description)), '[^a-z0-9]+', ' ', 'g');
  NEW."nameText" := trim(regexp_replace(
    lower(reperes_unaccent(NEW.name || ' ' || coalesce(NEW.acronym, ''))), '[^a-z0-9]+', ' ', 'g'));
  NEW."nameTrigrams" := reperes_trigram_ids(NEW."nameText");
  RETURN NEW;
END
$function$;

-- Run by initiative_search_vector ON "Initiative"
CREATE OR REPLACE FUNCTION public.reperes_initiative_search_vector()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('french_unaccent', coalesce(NEW.summary, '')), 'B') ||
    setweight(to_tsvector('french_unaccent',
      concat_ws(' ', NEW.description, NEW.objectives, NEW.means, NEW.funding, NEW.results)), 'C');
  RETURN NEW;
END
$function$;

-- Run by initiative_lesson_places ON "Initiative"
CREATE OR REPLACE FUNCTION public.reperes_lesson_places_on_initiative()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(reperes_lessons_of_initiatives(ARRAY[NEW.id]));
  END IF;
  RETURN NULL;
END
$function$;

-- Run by initiative_source_lesson_places ON "InitiativeSource"
CREATE OR REPLACE FUNCTION public.reperes_lesson_places_on_initiative_source()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(reperes_lessons_of_sources(ARRAY(
      SELECT id FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."sourceId" END,
                                  CASE WHEN TG_OP <> 'DELETE' THEN NEW."sourceId" END]) AS id
      WHERE id IS NOT NULL)));
  END IF;
  RETURN NULL;
END
$function$;

-- Run by initiative_territory_lesson_places ON "InitiativeTerritory"
CREATE OR REPLACE FUNCTION public.reperes_lesson_places_on_initiative_territory()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(reperes_lessons_of_initiatives(ARRAY(
      SELECT id FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."initiativeId" END,
                                  CASE WHEN TG_OP <> 'DELETE' THEN NEW."initiativeId" END]) AS id
      WHERE id IS NOT NULL)));
  END IF;
  RETURN NULL;
END
$function$;

-- Run by lesson_places ON "Lesson", lesson_places_source ON "Lesson"
CREATE OR REPLACE FUNCTION public.reperes_lesson_places_on_lesson()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF reperes_lesson_places_sync() THEN PERFORM reperes_lesson_places_refresh(ARRAY[NEW.id]); END IF;
  RETURN NULL;
END
$function$;

-- Run by lesson_initiative_places ON "LessonInitiative"
CREATE OR REPLACE FUNCTION public.reperes_lesson_places_on_lesson_initiative()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(ARRAY(
      SELECT DISTINCT id FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."lessonId" END,
                                           CASE WHEN TG_OP <> 'DELETE' THEN NEW."lessonId" END]) AS id
      WHERE id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$function$;

-- Run by source_lesson_places ON "Source"
CREATE OR REPLACE FUNCTION public.reperes_lesson_places_on_source()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_lesson_places_refresh(reperes_lessons_of_sources(ARRAY[NEW.id]));
  END IF;
  RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION public.reperes_lesson_places_rebuild()
 RETURNS void
 LANGUAGE sql
AS $function$
  SELECT reperes_lesson_places_refresh(ARRAY(SELECT id FROM "Lesson"));
$function$;

CREATE OR REPLACE FUNCTION public.reperes_lesson_places_refresh(ids integer[])
 RETURNS void
 LANGUAGE sql
AS $function$
  DELETE FROM "LessonPlace" WHERE "lessonId" = ANY(ids);
  INSERT INTO "LessonPlace" ("lessonId", "territoryCode", "depth")
  SELECT own."lessonId", a."ancestorCode", min(a.depth) FROM (
    SELECT li."lessonId", it."territoryCode" FROM "LessonInitiative" li
      JOIN "Initiative" i ON i.id = li."initiativeId" AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL
      JOIN "InitiativeTerritory" it ON it."initiativeId" = i.id
    WHERE li."lessonId" = ANY(ids)
    UNION
    SELECT l.id, it."territoryCode" FROM "Lesson" l
      JOIN "Source" s ON s.id = l."sourceId" OR s.id = (SELECT e."eventId" FROM "Source" e WHERE e.id = l."sourceId")
      JOIN "InitiativeSource" x ON x."sourceId" = s.id
      JOIN "Initiative" i ON i.id = x."initiativeId" AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL
      JOIN "InitiativeTerritory" it ON it."initiativeId" = i.id
    WHERE l.id = ANY(ids) AND s.status = 'PUBLISHED' AND s."deletedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "LessonInitiative" li JOIN "Initiative" i ON i.id = li."initiativeId"
        WHERE li."lessonId" = l.id AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL)
  ) own JOIN "TerritoryAncestor" a ON a."descendantCode" = own."territoryCode"
  GROUP BY own."lessonId", a."ancestorCode";
$function$;

CREATE OR REPLACE FUNCTION public.reperes_lesson_places_sync()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
  SELECT current_setting('reperes.search_sync', true) IS DISTINCT FROM 'off';
$function$;

-- Run by lesson_search_vector ON "Lesson"
CREATE OR REPLACE FUNCTION public.reperes_lesson_search_vector()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('french_unaccent', coalesce(NEW.body, '')), 'C');
  RETURN NEW;
END
$function$;

CREATE OR REPLACE FUNCTION public.reperes_lessons_of_initiatives(ids integer[])
 RETURNS integer[]
 LANGUAGE sql
 STABLE
AS $function$
  SELECT COALESCE(array_agg(DISTINCT id), '{}') FROM (
    SELECT li."lessonId" AS id FROM "LessonInitiative" li WHERE li."initiativeId" = ANY(ids)
    UNION ALL
    SELECT unnest(reperes_lessons_of_sources(ARRAY(SELECT x."sourceId" FROM "InitiativeSource" x WHERE x."initiativeId" = ANY(ids))))
  ) lessons;
$function$;

CREATE OR REPLACE FUNCTION public.reperes_lessons_of_sources(ids integer[])
 RETURNS integer[]
 LANGUAGE sql
 STABLE
AS $function$
  SELECT COALESCE(array_agg(DISTINCT l.id), '{}') FROM "Lesson" l
  WHERE l."sourceId" = ANY(ids) OR l."sourceId" IN (SELECT d.id FROM "Source" d WHERE d."eventId" = ANY(ids));
$function$;

CREATE OR REPLACE FUNCTION public.reperes_place_key(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
    SELECT btrim(regexp_replace(regexp_replace(
      ' ' || regexp_replace(lower(reperes_unaccent($1)), '[^a-z0-9]+', ' ', 'g') || ' ',
      ' st (?=\S)', ' saint ', 'g'), ' ste (?=\S)', ' sainte ', 'g'))
  $function$;

-- Run by territory_place_names_version ON "Territory"
CREATE OR REPLACE FUNCTION public.reperes_place_names_version_bump()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE "SearchVersion" SET version = version + 1 WHERE id = 2;
  RETURN NULL;
END $function$;

-- Run by AuditEvent_append_only ON "AuditEvent", AuditEvent_no_truncate ON "AuditEvent"
CREATE OR REPLACE FUNCTION public.reperes_refuse_audit_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'Le journal d''audit est en ajout seul : % refusé', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$function$;

CREATE OR REPLACE FUNCTION public.reperes_search_groups(q text)
 RETURNS TABLE(group_no integer, group_words text, group_query tsquery)
 LANGUAGE plpgsql
 STABLE
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION public.reperes_search_key(phrase text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT COALESCE(string_agg(regexp_replace(w, '(.{3,})s$', '\1'), ' ' ORDER BY n), '')
  FROM regexp_split_to_table(lower(reperes_unaccent(COALESCE(phrase, ''))), '[^a-z0-9]+') WITH ORDINALITY AS x(w, n)
  WHERE w <> ''
$function$;

CREATE OR REPLACE FUNCTION public.reperes_search_names(ids integer[])
 RETURNS TABLE("initiativeId" integer, names text)
 LANGUAGE sql
 STABLE
AS $function$
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
$function$;

-- Run by actor_search ON "Actor"
CREATE OR REPLACE FUNCTION public.reperes_search_on_actor()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM reperes_search_refresh(ARRAY(SELECT DISTINCT "initiativeId" FROM "InitiativeActor" WHERE "actorId" = NEW.id));
  RETURN NULL;
END
$function$;

-- Run by initiative_search_refresh ON "Initiative"
CREATE OR REPLACE FUNCTION public.reperes_search_on_initiative()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM reperes_search_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END
$function$;

-- Run by lesson_search ON "Lesson"
CREATE OR REPLACE FUNCTION public.reperes_search_on_lesson()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM reperes_search_refresh(ARRAY(SELECT "initiativeId" FROM "LessonInitiative" WHERE "lessonId" = NEW.id));
  RETURN NULL;
END
$function$;

-- Run by initiative_actor_search ON "InitiativeActor", initiative_approach_search ON "InitiativeApproach", initiative_criterion_search ON "InitiativeCriterion", initiative_domain_search ON "InitiativeDomain", initiative_public_search ON "InitiativePublic", initiative_territory_search ON "InitiativeTerritory", initiative_theme_search ON "InitiativeTheme", lesson_initiative_search ON "LessonInitiative"
CREATE OR REPLACE FUNCTION public.reperes_search_on_link()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM reperes_search_refresh(ARRAY[OLD."initiativeId"]);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM reperes_search_refresh(ARRAY[NEW."initiativeId"]);
  END IF;
  RETURN NULL;
END
$function$;

-- Run by territory_search ON "Territory"
CREATE OR REPLACE FUNCTION public.reperes_search_on_territory()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM reperes_search_refresh(ARRAY(SELECT "initiativeId" FROM "InitiativeTerritory" WHERE "territoryCode" = NEW.code));
  RETURN NULL;
END
$function$;

-- Run by theme_search ON "Theme"
CREATE OR REPLACE FUNCTION public.reperes_search_on_theme()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM reperes_search_refresh(ARRAY(
    SELECT DISTINCT l."initiativeId" FROM "InitiativeTheme" l JOIN "Theme" t ON t.id = l."themeId"
    WHERE t.id = NEW.id OR t."parentId" = NEW.id));
  RETURN NULL;
END
$function$;

-- Run by approach_search ON "Approach", criterion_search ON "DiscriminationCriterion", domain_search ON "Domain", public_search ON "Public"
CREATE OR REPLACE FUNCTION public.reperes_search_on_vocabulary()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  ids int[];
BEGIN
  EXECUTE format('SELECT ARRAY(SELECT "initiativeId" FROM %I WHERE %I = $1)', TG_ARGV[0], TG_ARGV[1]) INTO ids USING NEW.id;
  PERFORM reperes_search_refresh(ids);
  RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION public.reperes_search_pairs(ids integer[])
 RETURNS TABLE("initiativeId" integer, facet text, value text)
 LANGUAGE sql
 STABLE
AS $function$
  SELECT k.id, '*', '*' FROM unnest(ids) AS k(id)
  UNION
  SELECT it."initiativeId", 'territoire', ta."ancestorCode"
  FROM unnest(ids) AS k(id) JOIN "InitiativeTerritory" it ON it."initiativeId" = k.id
    JOIN "TerritoryAncestor" ta ON ta."descendantCode" = it."territoryCode"
  UNION
  -- An EPCI is not linked under a département (some span two): it counts in those of its communes.
  SELECT it."initiativeId", 'territoire', d."parentCode"
  FROM unnest(ids) AS k(id) JOIN "InitiativeTerritory" it ON it."initiativeId" = k.id
    JOIN "Territory" e ON e.code = it."territoryCode" AND e.kind = 'EPCI'
    JOIN "TerritoryParent" m ON m."parentCode" = e.code
    JOIN "TerritoryParent" d ON d."childCode" = m."childCode"
    JOIN "Territory" dt ON dt.code = d."parentCode" AND dt.kind = 'DEPARTEMENT'
  UNION
  -- The initiative's own places, without ancestors: what covers a chosen place from above.
  SELECT it."initiativeId", '_lieu', it."territoryCode"
  FROM unnest(ids) AS k(id) JOIN "InitiativeTerritory" it ON it."initiativeId" = k.id
  UNION
  SELECT l."initiativeId", 'approche', x.slug
  FROM unnest(ids) AS k(id) JOIN "InitiativeApproach" l ON l."initiativeId" = k.id JOIN "Approach" x ON x.id = l."approachId"
  WHERE x."deletedAt" IS NULL
  UNION
  SELECT l."initiativeId", 'theme', x.slug
  FROM unnest(ids) AS k(id) JOIN "InitiativeTheme" l ON l."initiativeId" = k.id JOIN "Theme" t ON t.id = l."themeId" JOIN "Theme" x ON x.id IN (t.id, t."parentId")
  WHERE x."deletedAt" IS NULL
  UNION
  SELECT l."initiativeId", 'critere', x.slug
  FROM unnest(ids) AS k(id) JOIN "InitiativeCriterion" l ON l."initiativeId" = k.id JOIN "DiscriminationCriterion" x ON x.id = l."criterionId"
  WHERE x."deletedAt" IS NULL
  UNION
  SELECT l."initiativeId", 'domaine', x.slug
  FROM unnest(ids) AS k(id) JOIN "InitiativeDomain" l ON l."initiativeId" = k.id JOIN "Domain" x ON x.id = l."domainId"
  WHERE x."deletedAt" IS NULL
  UNION
  SELECT l."initiativeId", 'public', x.slug
  FROM unnest(ids) AS k(id) JOIN "InitiativePublic" l ON l."initiativeId" = k.id JOIN "Public" x ON x.id = l."publicId"
  WHERE x."deletedAt" IS NULL
  UNION
  SELECT l."initiativeId", 'acteur', CASE a.kind
      WHEN 'STATE_SERVICE' THEN 'etat'
      WHEN 'LOCAL_AUTHORITY' THEN 'collectivite'
      WHEN 'ASSOCIATION' THEN 'association'
      WHEN 'RESOURCE_CENTRE' THEN 'centre-ressources'
      WHEN 'INDEPENDENT_AUTHORITY' THEN 'autorite-independante'
      WHEN 'SOCIAL_LANDLORD' THEN 'bailleur'
      WHEN 'COMPANY' THEN 'entreprise'
      WHEN 'PUBLIC_BODY' THEN 'etablissement-public'
      ELSE 'autre' END
  FROM unnest(ids) AS k(id) JOIN "InitiativeActor" l ON l."initiativeId" = k.id JOIN "Actor" a ON a.id = l."actorId"
  WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL
  UNION
  SELECT i.id, 'statut', CASE WHEN i.ongoing THEN 'en-cours' ELSE 'termine' END
  FROM unnest(ids) AS k(id) JOIN "Initiative" i ON i.id = k.id
  UNION
  -- Every year the initiative ran; an ongoing one without an end runs up to the current year.
  SELECT i.id, 'annee', y::text
  FROM unnest(ids) AS k(id) JOIN "Initiative" i ON i.id = k.id,
       generate_series(COALESCE(i."startYear", i."endYear"),
                       LEAST(COALESCE(i."endYear", CASE WHEN i.ongoing THEN extract(year FROM now())::int END, i."startYear"),
                             COALESCE(i."startYear", i."endYear") + 60)) AS y
  WHERE COALESCE(i."startYear", i."endYear") IS NOT NULL
$function$;

-- Run by initiative_search_postings ON "InitiativeSearch"
CREATE OR REPLACE FUNCTION public.reperes_search_postings()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  old_tokens int[] := CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE OLD.facets END;
  new_tokens int[] := CASE WHEN TG_OP = 'DELETE' THEN '{}' ELSE NEW.facets END;
  id int := CASE WHEN TG_OP = 'DELETE' THEN OLD."initiativeId" ELSE NEW."initiativeId" END;
  chunk_no int := id >> 16;
  pos int := id & 65535;
  change record;
BEGIN
  IF COALESCE(current_setting('reperes.search_sync', true), '') = 'off'
     OR COALESCE(current_setting('reperes.search_postings', true), '') = 'off' THEN
    RETURN NULL;
  END IF;
  FOR change IN
    SELECT t, (t = ANY(new_tokens))::int AS bit
    FROM (SELECT unnest(old_tokens) UNION SELECT unnest(new_tokens)) AS u(t)
    WHERE (t = ANY(old_tokens)) <> (t = ANY(new_tokens))
    ORDER BY t
  LOOP
    INSERT INTO "SearchPosting" (token, chunk, bits)
    VALUES (change.t, chunk_no, set_bit(repeat('0', 65536)::varbit, pos, change.bit))
    ON CONFLICT (token, chunk) DO UPDATE SET bits = set_bit("SearchPosting".bits, pos, change.bit);
  END LOOP;
  RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION public.reperes_search_rebuild(min_documents integer DEFAULT NULL::integer)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION public.reperes_search_refresh(ids integer[], frequent_threshold integer DEFAULT NULL::integer)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION public.reperes_search_term(term text)
 RETURNS tsquery
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT CASE WHEN spaced ~ '-'
              THEN plainto_tsquery('french_unaccent', replace(spaced, '-', ' ')) || plainto_tsquery('french_unaccent', replace(spaced, '-', ''))
              ELSE plainto_tsquery('french_unaccent', spaced) END
  FROM (SELECT regexp_replace(lower(reperes_unaccent(COALESCE(term, ''))), '[^a-z0-9-]+', ' ', 'g') AS spaced) t
$function$;

CREATE OR REPLACE FUNCTION public.reperes_search_tsquery(q text)
 RETURNS tsquery
 LANGUAGE plpgsql
 STABLE
AS $function$
DECLARE
  result tsquery := '';
  g record;
BEGIN
  FOR g IN SELECT * FROM reperes_search_groups(q) ORDER BY 1 LOOP
    result := result && g.group_query;
  END LOOP;
  RETURN result;
END
$function$;

-- Run by actor_data_version ON "Actor", actor_area_data_version ON "ActorArea", approach_search_version ON "Approach", criterion_search_version ON "DiscriminationCriterion", domain_search_version ON "Domain", initiative_data_version ON "Initiative", initiative_search_version ON "InitiativeSearch", initiative_source_data_version ON "InitiativeSource", lesson_data_version ON "Lesson", lesson_approach_data_version ON "LessonApproach", lesson_theme_data_version ON "LessonTheme", public_search_version ON "Public", search_synonym_search_version ON "SearchSynonym", source_data_version ON "Source", territory_search_version ON "Territory", territory_parent_data_version ON "TerritoryParent", theme_search_version ON "Theme"
CREATE OR REPLACE FUNCTION public.reperes_search_version_bump()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE "SearchVersion" SET version = version + 1, "changedAt" = greatest(clock_timestamp(), "changedAt") WHERE id = 1;
  RETURN NULL;
END $function$;

-- Run by initiative_source_places ON "Initiative"
CREATE OR REPLACE FUNCTION public.reperes_source_places_on_initiative()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_source_places_refresh(ARRAY(SELECT x."sourceId" FROM "InitiativeSource" x WHERE x."initiativeId" = NEW.id));
  END IF;
  RETURN NULL;
END
$function$;

-- Run by initiative_source_source_places ON "InitiativeSource"
CREATE OR REPLACE FUNCTION public.reperes_source_places_on_initiative_source()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_source_places_refresh(ARRAY(
      SELECT id FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."sourceId" END,
                                  CASE WHEN TG_OP <> 'DELETE' THEN NEW."sourceId" END]) AS id
      WHERE id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$function$;

-- Run by initiative_territory_source_places ON "InitiativeTerritory"
CREATE OR REPLACE FUNCTION public.reperes_source_places_on_initiative_territory()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF reperes_lesson_places_sync() THEN
    PERFORM reperes_source_places_refresh(ARRAY(SELECT x."sourceId" FROM "InitiativeSource" x
      WHERE x."initiativeId" IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."initiativeId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."initiativeId" END)));
  END IF;
  RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION public.reperes_source_places_rebuild()
 RETURNS void
 LANGUAGE sql
AS $function$
  SELECT reperes_source_places_refresh(ARRAY(SELECT id FROM "Source"));
$function$;

CREATE OR REPLACE FUNCTION public.reperes_source_places_refresh(ids integer[])
 RETURNS void
 LANGUAGE sql
AS $function$
  DELETE FROM "SourcePlace" WHERE "sourceId" = ANY(ids);
  INSERT INTO "SourcePlace" ("sourceId", "territoryCode")
  SELECT DISTINCT x."sourceId", it."territoryCode" FROM "InitiativeSource" x
    JOIN "Initiative" i ON i.id = x."initiativeId" AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL
    JOIN "InitiativeTerritory" it ON it."initiativeId" = i.id
  WHERE x."sourceId" = ANY(ids);
$function$;

-- Run by source_file_purged ON "Source", source_file_replaced ON "Source"
CREATE OR REPLACE FUNCTION public.reperes_stored_file_release()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  DELETE FROM "StoredFile" WHERE key = OLD."fileKey";
  RETURN NULL;
END $function$;

-- Run by territory_search_text ON "Territory"
CREATE OR REPLACE FUNCTION public.reperes_territory_search_text()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW."nameKey" := reperes_place_key(NEW.name);
  NEW."aliasKeys" := ARRAY(SELECT reperes_place_key(a) FROM unnest(NEW.aliases) AS a);
  RETURN NEW;
END
$function$;

CREATE OR REPLACE FUNCTION public.reperes_trigram_ids(normalised text)
 RETURNS integer[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT COALESCE(array_agg(ascii(substr(t, 1, 1)) * 65536 + ascii(substr(t, 2, 1)) * 256 + ascii(substr(t, 3, 1)) ORDER BY 1), '{}')
  FROM unnest(show_trgm(normalised)) t;
$function$;

CREATE OR REPLACE FUNCTION public.reperes_trigram_similarity(a integer[], b integer[])
 RETURNS real
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT CASE WHEN cardinality(a) = 0 OR cardinality(b) = 0 THEN 0::real
    ELSE intarray.icount(a OPERATOR(intarray.&) b)::real
         / (cardinality(a) + cardinality(b) - intarray.icount(a OPERATOR(intarray.&) b))::real END;
$function$;

CREATE OR REPLACE FUNCTION public.reperes_unaccent(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $function$;

-- Triggers, by table

-- "Actor"
CREATE TRIGGER actor_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Actor" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER actor_search AFTER UPDATE OF name, acronym, kind, status, "deletedAt" ON "Actor" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_actor();
CREATE TRIGGER actor_search_text BEFORE INSERT OR UPDATE OF name, acronym, description ON "Actor" FOR EACH ROW EXECUTE FUNCTION reperes_actor_search_text();

-- "ActorArea"
CREATE TRIGGER actor_area_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "ActorArea" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "Approach"
CREATE TRIGGER approach_search AFTER UPDATE OF "deletedAt", slug, label ON "Approach" FOR EACH ROW WHEN (old."deletedAt" IS DISTINCT FROM new."deletedAt" OR old.slug IS DISTINCT FROM new.slug OR old.label IS DISTINCT FROM new.label) EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeApproach', 'approachId');
CREATE TRIGGER approach_search_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Approach" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "AuditEvent"
CREATE TRIGGER "AuditEvent_append_only" BEFORE DELETE OR UPDATE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION reperes_refuse_audit_change();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION reperes_refuse_audit_change();

-- "DiscriminationCriterion"
CREATE TRIGGER criterion_search AFTER UPDATE OF "deletedAt", slug, label ON "DiscriminationCriterion" FOR EACH ROW WHEN (old."deletedAt" IS DISTINCT FROM new."deletedAt" OR old.slug IS DISTINCT FROM new.slug OR old.label IS DISTINCT FROM new.label) EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeCriterion', 'criterionId');
CREATE TRIGGER criterion_search_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "DiscriminationCriterion" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "Domain"
CREATE TRIGGER domain_search AFTER UPDATE OF "deletedAt", slug, label ON "Domain" FOR EACH ROW WHEN (old."deletedAt" IS DISTINCT FROM new."deletedAt" OR old.slug IS DISTINCT FROM new.slug OR old.label IS DISTINCT FROM new.label) EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeDomain', 'domainId');
CREATE TRIGGER domain_search_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Domain" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "Initiative"
CREATE TRIGGER initiative_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Initiative" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER initiative_lesson_places AFTER UPDATE OF status, "deletedAt" ON "Initiative" FOR EACH ROW WHEN (old.status IS DISTINCT FROM new.status OR old."deletedAt" IS DISTINCT FROM new."deletedAt") EXECUTE FUNCTION reperes_lesson_places_on_initiative();
CREATE TRIGGER initiative_search_refresh AFTER INSERT OR UPDATE ON "Initiative" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_initiative();
CREATE TRIGGER initiative_search_vector BEFORE INSERT OR UPDATE OF title, summary, description, objectives, means, funding, results ON "Initiative" FOR EACH ROW EXECUTE FUNCTION reperes_initiative_search_vector();
CREATE TRIGGER initiative_source_places AFTER UPDATE OF status, "deletedAt" ON "Initiative" FOR EACH ROW WHEN (old.status IS DISTINCT FROM new.status OR old."deletedAt" IS DISTINCT FROM new."deletedAt") EXECUTE FUNCTION reperes_source_places_on_initiative();

-- "InitiativeActor"
CREATE TRIGGER initiative_actor_search AFTER INSERT OR DELETE OR UPDATE ON "InitiativeActor" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();

-- "InitiativeApproach"
CREATE TRIGGER initiative_approach_search AFTER INSERT OR DELETE OR UPDATE ON "InitiativeApproach" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();

-- "InitiativeCriterion"
CREATE TRIGGER initiative_criterion_search AFTER INSERT OR DELETE OR UPDATE ON "InitiativeCriterion" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();

-- "InitiativeDomain"
CREATE TRIGGER initiative_domain_search AFTER INSERT OR DELETE OR UPDATE ON "InitiativeDomain" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();

-- "InitiativePublic"
CREATE TRIGGER initiative_public_search AFTER INSERT OR DELETE OR UPDATE ON "InitiativePublic" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();

-- "InitiativeSearch"
CREATE TRIGGER initiative_search_postings AFTER INSERT OR DELETE OR UPDATE OF facets ON "InitiativeSearch" FOR EACH ROW EXECUTE FUNCTION reperes_search_postings();
CREATE TRIGGER initiative_search_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "InitiativeSearch" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "InitiativeSource"
CREATE TRIGGER initiative_source_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "InitiativeSource" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER initiative_source_lesson_places AFTER INSERT OR DELETE OR UPDATE ON "InitiativeSource" FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_initiative_source();
CREATE TRIGGER initiative_source_source_places AFTER INSERT OR DELETE OR UPDATE ON "InitiativeSource" FOR EACH ROW EXECUTE FUNCTION reperes_source_places_on_initiative_source();

-- "InitiativeTerritory"
CREATE TRIGGER initiative_territory_lesson_places AFTER INSERT OR DELETE OR UPDATE ON "InitiativeTerritory" FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_initiative_territory();
CREATE TRIGGER initiative_territory_search AFTER INSERT OR DELETE OR UPDATE ON "InitiativeTerritory" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();
CREATE TRIGGER initiative_territory_source_places AFTER INSERT OR DELETE OR UPDATE ON "InitiativeTerritory" FOR EACH ROW EXECUTE FUNCTION reperes_source_places_on_initiative_territory();

-- "InitiativeTheme"
CREATE TRIGGER initiative_theme_search AFTER INSERT OR DELETE OR UPDATE ON "InitiativeTheme" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();

-- "Lesson"
CREATE TRIGGER lesson_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Lesson" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER lesson_places AFTER INSERT ON "Lesson" FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_lesson();
CREATE TRIGGER lesson_places_source AFTER UPDATE OF "sourceId" ON "Lesson" FOR EACH ROW WHEN (old."sourceId" IS DISTINCT FROM new."sourceId") EXECUTE FUNCTION reperes_lesson_places_on_lesson();
CREATE TRIGGER lesson_search AFTER UPDATE OF title, status, "deletedAt" ON "Lesson" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_lesson();
CREATE TRIGGER lesson_search_vector BEFORE INSERT OR UPDATE OF title, body ON "Lesson" FOR EACH ROW EXECUTE FUNCTION reperes_lesson_search_vector();

-- "LessonApproach"
CREATE TRIGGER lesson_approach_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "LessonApproach" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "LessonInitiative"
CREATE TRIGGER lesson_initiative_places AFTER INSERT OR DELETE OR UPDATE ON "LessonInitiative" FOR EACH ROW EXECUTE FUNCTION reperes_lesson_places_on_lesson_initiative();
CREATE TRIGGER lesson_initiative_search AFTER INSERT OR DELETE OR UPDATE ON "LessonInitiative" FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();

-- "LessonTheme"
CREATE TRIGGER lesson_theme_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "LessonTheme" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "Public"
CREATE TRIGGER public_search AFTER UPDATE OF "deletedAt", slug, label ON "Public" FOR EACH ROW WHEN (old."deletedAt" IS DISTINCT FROM new."deletedAt" OR old.slug IS DISTINCT FROM new.slug OR old.label IS DISTINCT FROM new.label) EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativePublic', 'publicId');
CREATE TRIGGER public_search_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Public" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "SearchSynonym"
CREATE TRIGGER search_synonym_search_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "SearchSynonym" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "Source"
CREATE TRIGGER source_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Source" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER source_file_purged AFTER DELETE ON "Source" FOR EACH ROW WHEN (old."fileKey" IS NOT NULL) EXECUTE FUNCTION reperes_stored_file_release();
CREATE TRIGGER source_file_replaced AFTER UPDATE OF "fileKey" ON "Source" FOR EACH ROW WHEN (old."fileKey" IS NOT NULL AND old."fileKey" IS DISTINCT FROM new."fileKey") EXECUTE FUNCTION reperes_stored_file_release();
CREATE TRIGGER source_lesson_places AFTER UPDATE OF status, "deletedAt", "eventId" ON "Source" FOR EACH ROW WHEN (old.status IS DISTINCT FROM new.status OR old."deletedAt" IS DISTINCT FROM new."deletedAt" OR old."eventId" IS DISTINCT FROM new."eventId") EXECUTE FUNCTION reperes_lesson_places_on_source();

-- "Territory"
CREATE TRIGGER territory_place_names_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Territory" FOR EACH STATEMENT EXECUTE FUNCTION reperes_place_names_version_bump();
CREATE TRIGGER territory_search AFTER UPDATE OF name, aliases ON "Territory" FOR EACH ROW WHEN (old.name IS DISTINCT FROM new.name OR old.aliases IS DISTINCT FROM new.aliases) EXECUTE FUNCTION reperes_search_on_territory();
CREATE TRIGGER territory_search_text BEFORE INSERT OR UPDATE OF name, aliases ON "Territory" FOR EACH ROW EXECUTE FUNCTION reperes_territory_search_text();
CREATE TRIGGER territory_search_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Territory" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "TerritoryParent"
CREATE TRIGGER territory_parent_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "TerritoryParent" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();

-- "Theme"
CREATE TRIGGER theme_search AFTER UPDATE OF "deletedAt", slug, "parentId", label ON "Theme" FOR EACH ROW WHEN (old."deletedAt" IS DISTINCT FROM new."deletedAt" OR old.slug IS DISTINCT FROM new.slug OR old."parentId" IS DISTINCT FROM new."parentId" OR old.label IS DISTINCT FROM new.label) EXECUTE FUNCTION reperes_search_on_theme();
CREATE TRIGGER theme_search_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "Theme" FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
