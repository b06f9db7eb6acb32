/**
 * The controlled vocabularies of initiatives, each named once for every place that needs it:
 * the search filter (`facet`, also the URL parameter and the SearchFacet name the triggers
 * write), its tables (`table`, `link`, `linkKey`), the initiative's Prisma relation and form
 * field (`relation`), the key of the API records and exports (`apiKey`), and its French names.
 * The order is the one every page, export and form shows. A vocabulary table of the database
 * that is not listed here fails tests/integration/vocabulary-registry.test.ts.
 *
 * Plain data (no database import): pages and client components may read it too.
 */
export const VOCABULARIES = [
  {
    facet: "approche",
    model: "approach",
    table: "Approach",
    link: "InitiativeApproach",
    linkKey: "approachId",
    relation: "approaches",
    apiKey: "approaches",
    label: "Approche",
    plural: "Approches",
    parameterHint: "Identifiant d'une approche (voir /approches).",
  },
  {
    facet: "theme",
    model: "theme",
    table: "Theme",
    link: "InitiativeTheme",
    linkKey: "themeId",
    relation: "themes",
    apiKey: "themes",
    label: "Thème",
    plural: "Thèmes",
    parameterHint: "Identifiant d'un thème (voir /themes).",
  },
  {
    facet: "critere",
    model: "discriminationCriterion",
    table: "DiscriminationCriterion",
    link: "InitiativeCriterion",
    linkKey: "criterionId",
    relation: "criteria",
    apiKey: "discriminationCriteria",
    label: "Critère de discrimination",
    plural: "Critères de discrimination",
    parameterHint: "Identifiant d'un critère de discrimination.",
  },
  {
    facet: "domaine",
    model: "domain",
    table: "Domain",
    link: "InitiativeDomain",
    linkKey: "domainId",
    relation: "domains",
    apiKey: "domains",
    label: "Domaine",
    plural: "Domaines",
    parameterHint: "Identifiant d'un domaine.",
  },
  {
    facet: "public",
    model: "public",
    table: "Public",
    link: "InitiativePublic",
    linkKey: "publicId",
    relation: "publics",
    apiKey: "publics",
    label: "Public",
    plural: "Publics",
    parameterHint: "Identifiant d'un public.",
  },
] as const;

export type Vocabulary = (typeof VOCABULARIES)[number];
/** Search filter and URL parameter of a vocabulary: "approche", "theme", … */
export type VocabularyFacet = Vocabulary["facet"];
/** Initiative relation and form field: "approaches", "criteria", … */
export type VocabularyRelation = Vocabulary["relation"];
/** Key of the API's initiative records and of the exports: "approaches", "discriminationCriteria", … */
export type VocabularyApiKey = Vocabulary["apiKey"];

/** The facets as a tuple, so that a list built around them (FILTER_KEYS) keeps its literal types. */
type FacetsOf<T extends readonly unknown[]> = { readonly [K in keyof T]: T[K] extends { facet: infer F } ? F : never };
export const VOCABULARY_FACETS = VOCABULARIES.map((v) => v.facet) as unknown as FacetsOf<typeof VOCABULARIES>;

/**
 * An object with one entry per vocabulary, keyed by one of its names, in registry order: the
 * typed way to build a shape, a default or a lookup from the registry.
 */
export function byVocabulary<K extends "facet" | "relation" | "apiKey", T>(
  key: K,
  value: (vocabulary: Vocabulary) => T,
): Record<Vocabulary[K], T> {
  return Object.fromEntries(VOCABULARIES.map((vocabulary) => [vocabulary[key], value(vocabulary)])) as Record<Vocabulary[K], T>;
}
