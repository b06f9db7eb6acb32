-- Own places of initiatives in the search read model (issue 10, « ce qui s'applique ici »).
--
-- A 'territoire' token carries every ancestor of an initiative's places, so it answers « what lies
-- inside this place ». « What covers this place » needs the places themselves: a '_lieu' token per
-- territory an initiative is attached to. Choosing Creil then reads the '_lieu' bitmaps of its
-- strict ancestors (ACSO, Oise, the région), on the same bitmaps and GIN index as every filter,
-- and never those of its siblings (Roubaix's ancestors do not include ACSO).
--
-- Same as in public_search_triggers, plus the '_lieu' values.
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
$$;

-- Every search row gets its '_lieu' tokens and bitmaps.
SELECT reperes_search_rebuild();
