-- Public search read model kept current by triggers, in the transaction of every edit.
-- See docs/decisions/004-search-and-facets.md.
--
--   Initiative and its links ──► reperes_search_refresh(ids) ──► "InitiativeSearch" (one row per
--   public initiative) ──► row trigger ──► "SearchPosting" bitmaps (one bit per initiative).
--
-- Bulk loaders may run `SET reperes.search_sync = 'off'` in their session, then call
-- reperes_search_rebuild() once at the end (set-based, seconds for 200,000 initiatives).

-- The filter values of initiatives, with all their territory ancestors and parent themes.
CREATE OR REPLACE FUNCTION reperes_search_pairs(ids int[])
  RETURNS TABLE ("initiativeId" int, facet text, value text)
  LANGUAGE sql STABLE AS $$
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
$$;

-- Names of published actors, linked territories (not their ancestors: "Roubaix" must not find
-- an initiative of the whole département) and published lessons: weight D of the document.
CREATE OR REPLACE FUNCTION reperes_search_names(ids int[])
  RETURNS TABLE ("initiativeId" int, names text)
  LANGUAGE sql STABLE AS $$
  SELECT n.id, string_agg(n.name, ' ') FROM (
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
  ) n GROUP BY n.id
$$;

-- Recomputes the search rows of some initiatives: public ones are upserted, others removed.
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
  )
  SELECT i.id,
         COALESCE(i."searchVector", ''::tsvector) || setweight(to_tsvector('french_unaccent', COALESCE(n.names, '')), 'D'),
         t.facets,
         i."publishedAt",
         lower(reperes_unaccent(i.title))
  FROM unnest(ids) AS k(id) JOIN "Initiative" i ON i.id = k.id
    JOIN tokens t ON t."initiativeId" = i.id
    LEFT JOIN reperes_search_names(ids) n ON n."initiativeId" = i.id
  WHERE i.status = 'PUBLISHED' AND i."deletedAt" IS NULL
  ORDER BY i.id
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

-- Keeps the posting bitmaps in step with one search row. Tokens are locked in id order, so that
-- two concurrent edits cannot deadlock.
CREATE OR REPLACE FUNCTION reperes_search_postings() RETURNS trigger
  LANGUAGE plpgsql AS $$
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
$$;

CREATE TRIGGER initiative_search_postings
  AFTER INSERT OR UPDATE OF facets OR DELETE ON "InitiativeSearch"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_postings();

-- Rebuilds everything, set-based: after a bulk load (with search_sync off) or a reference import
-- that changed the territory hierarchy.
CREATE OR REPLACE FUNCTION reperes_search_rebuild() RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  SELECT COALESCE(array_agg(id), '{}') INTO ids FROM "Initiative" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL;
  TRUNCATE "InitiativeSearch", "SearchPosting", "SearchWord";
  -- Rows are written with the per-row bitmap trigger off; the bitmaps are then built in one pass.
  -- Both settings are local to the transaction: a bulk loader's session setting comes back after.
  PERFORM set_config('reperes.search_sync', 'on', true);
  PERFORM set_config('reperes.search_postings', 'off', true);
  PERFORM reperes_search_refresh(ids);
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

-- Triggers: any change that can alter what an initiative shows in search.

CREATE OR REPLACE FUNCTION reperes_search_on_initiative() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM reperes_search_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END
$$;

CREATE TRIGGER initiative_search_refresh
  AFTER INSERT OR UPDATE ON "Initiative"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_initiative();

-- Link tables: refresh the initiative on either side of the change.
CREATE OR REPLACE FUNCTION reperes_search_on_link() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM reperes_search_refresh(ARRAY[OLD."initiativeId"]);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM reperes_search_refresh(ARRAY[NEW."initiativeId"]);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER initiative_actor_search AFTER INSERT OR UPDATE OR DELETE ON "InitiativeActor"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();
CREATE TRIGGER initiative_territory_search AFTER INSERT OR UPDATE OR DELETE ON "InitiativeTerritory"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();
CREATE TRIGGER initiative_approach_search AFTER INSERT OR UPDATE OR DELETE ON "InitiativeApproach"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();
CREATE TRIGGER initiative_theme_search AFTER INSERT OR UPDATE OR DELETE ON "InitiativeTheme"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();
CREATE TRIGGER initiative_criterion_search AFTER INSERT OR UPDATE OR DELETE ON "InitiativeCriterion"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();
CREATE TRIGGER initiative_domain_search AFTER INSERT OR UPDATE OR DELETE ON "InitiativeDomain"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();
CREATE TRIGGER initiative_public_search AFTER INSERT OR UPDATE OR DELETE ON "InitiativePublic"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();
CREATE TRIGGER lesson_initiative_search AFTER INSERT OR UPDATE OR DELETE ON "LessonInitiative"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_link();

-- Actors and lessons: their names and visibility show in the initiatives they are linked to.
CREATE OR REPLACE FUNCTION reperes_search_on_actor() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM reperes_search_refresh(ARRAY(SELECT DISTINCT "initiativeId" FROM "InitiativeActor" WHERE "actorId" = NEW.id));
  RETURN NULL;
END
$$;

CREATE TRIGGER actor_search AFTER UPDATE OF name, acronym, kind, status, "deletedAt" ON "Actor"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_actor();

CREATE OR REPLACE FUNCTION reperes_search_on_lesson() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM reperes_search_refresh(ARRAY(SELECT "initiativeId" FROM "LessonInitiative" WHERE "lessonId" = NEW.id));
  RETURN NULL;
END
$$;

CREATE TRIGGER lesson_search AFTER UPDATE OF title, status, "deletedAt" ON "Lesson"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_lesson();

CREATE OR REPLACE FUNCTION reperes_search_on_territory() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM reperes_search_refresh(ARRAY(SELECT "initiativeId" FROM "InitiativeTerritory" WHERE "territoryCode" = NEW.code));
  RETURN NULL;
END
$$;

CREATE TRIGGER territory_search AFTER UPDATE OF name, aliases ON "Territory"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.aliases IS DISTINCT FROM NEW.aliases)
  EXECUTE FUNCTION reperes_search_on_territory();

-- A vocabulary entry moved to the trash (or back) leaves or rejoins the filter values.
CREATE OR REPLACE FUNCTION reperes_search_on_vocabulary() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  EXECUTE format('SELECT ARRAY(SELECT "initiativeId" FROM %I WHERE %I = $1)', TG_ARGV[0], TG_ARGV[1]) INTO ids USING NEW.id;
  PERFORM reperes_search_refresh(ids);
  RETURN NULL;
END
$$;

CREATE TRIGGER approach_search AFTER UPDATE OF "deletedAt", slug ON "Approach"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeApproach', 'approachId');
CREATE TRIGGER theme_search AFTER UPDATE OF "deletedAt", slug, "parentId" ON "Theme"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeTheme', 'themeId');
CREATE TRIGGER criterion_search AFTER UPDATE OF "deletedAt", slug ON "DiscriminationCriterion"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeCriterion', 'criterionId');
CREATE TRIGGER domain_search AFTER UPDATE OF "deletedAt", slug ON "Domain"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativeDomain', 'domainId');
CREATE TRIGGER public_search AFTER UPDATE OF "deletedAt", slug ON "Public"
  FOR EACH ROW EXECUTE FUNCTION reperes_search_on_vocabulary('InitiativePublic', 'publicId');
