/**
 * Response schemas of the public API (/api/v1), in zod: the one definition from which the
 * OpenAPI document is generated (lib/api/openapi.ts) and which the JSON export reuses for its
 * items. Field names are English and stable; enumeration values are the database's codes.
 * Registered schemas become named components of the OpenAPI document.
 */
import { z } from "zod";
import { byVocabulary } from "@/lib/vocabularies/registry";

export const apiRegistry = z.registry<{ id: string }>();

function named<T extends z.ZodType>(id: string, schema: T): T {
  apiRegistry.add(schema, { id });
  return schema;
}

const isoDateTime = z.iso.datetime().meta({ description: "Date et heure UTC, ISO 8601." });
const url = z.string().meta({ format: "uri" });

export const territoryKindSchema = named("TerritoryKind", z.enum(["REGION", "DEPARTEMENT", "EPCI", "COMMUNE", "QPV"]));
export const actorKindSchema = named(
  "ActorKind",
  z.enum([
    "STATE_SERVICE",
    "LOCAL_AUTHORITY",
    "ASSOCIATION",
    "RESOURCE_CENTRE",
    "INDEPENDENT_AUTHORITY",
    "SOCIAL_LANDLORD",
    "COMPANY",
    "PUBLIC_BODY",
    "OTHER",
  ]),
);
export const evidenceLevelSchema = named(
  "EvidenceLevel",
  z.enum(["TESTIMONY", "PRACTICE_FEEDBACK", "INTERNALLY_EVALUATED", "EXTERNALLY_EVALUATED"]),
);

export const territoryRefSchema = named(
  "TerritoryRef",
  z.object({
    code: z.string().meta({ description: "Code officiel : INSEE (région, département, commune), SIREN (EPCI) ou code QPV." }),
    name: z.string(),
    kind: territoryKindSchema,
  }),
);

export const termSchema = named("Term", z.object({ slug: z.string(), label: z.string() }));

export const initiativeSummarySchema = named(
  "InitiativeSummary",
  z.object({
    slug: z.string(),
    url,
    title: z.string(),
    summary: z.string(),
    territories: z.array(territoryRefSchema),
    approaches: z.array(termSchema),
    startYear: z.int().nullable(),
    endYear: z.int().nullable(),
    ongoing: z.boolean(),
    publishedAt: isoDateTime.nullable(),
    scale: z.string().nullable().meta({
      description:
        "Pour une initiative qui couvre le territoire demandé depuis un territoire plus grand : « à l'échelle de la région », etc.",
    }),
  }),
);

export const contactSchema = named(
  "Contact",
  z
    .object({ name: z.string().nullable(), role: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
    .meta({ description: "Contact professionnel, publié seulement avec le consentement de la personne (sinon null)." }),
);

export const initiativeSchema = named(
  "Initiative",
  z.object({
    slug: z.string(),
    url,
    title: z.string(),
    summary: z.string(),
    description: z.string().meta({ description: "Markdown." }),
    objectives: z.string(),
    means: z.string(),
    funding: z.string(),
    results: z.string(),
    website: z.string().nullable(),
    contact: contactSchema.nullable(),
    startYear: z.int().nullable(),
    endYear: z.int().nullable(),
    ongoing: z.boolean(),
    publishedAt: isoDateTime.nullable(),
    lastVerifiedAt: isoDateTime.nullable(),
    updatedAt: isoDateTime,
    territories: z.array(territoryRefSchema),
    ...byVocabulary("apiKey", () => z.array(termSchema)),
    actors: z.array(z.object({ slug: z.string(), name: z.string(), kind: actorKindSchema, role: z.enum(["LEAD", "PARTNER", "FUNDER"]) })),
    lessons: z.array(z.object({ slug: z.string(), url, title: z.string(), evidenceLevel: evidenceLevelSchema })),
    sources: z.array(
      z.object({
        slug: z.string(),
        kind: z.enum(["EVENT", "DOCUMENT"]),
        title: z.string(),
        date: z.iso.date().nullable(),
        url: z.string().nullable(),
      }),
    ),
  }),
);
export type InitiativeRecord = z.infer<typeof initiativeSchema>;

export const paginationSchema = named(
  "Pagination",
  z.object({
    page: z.int().min(1),
    perPage: z.int().min(1),
    total: z.int().min(0),
    pageCount: z.int().min(1),
    next: z.string().nullable().meta({ description: "URL de la page suivante, ou null." }),
    previous: z.string().nullable().meta({ description: "URL de la page précédente, ou null." }),
  }),
);

export const licenceSchema = named("Licence", z.object({ name: z.string(), url }));

export const facetSchema = named(
  "Facet",
  z.object({
    parameter: z.string().meta({ description: "Nom du paramètre de requête que filtre cette facette." }),
    values: z.array(z.object({ value: z.string(), label: z.string(), count: z.int().min(0) })),
  }),
);

export const initiativeListSchema = named(
  "InitiativeList",
  z.object({
    licence: licenceSchema,
    pagination: paginationSchema,
    correctedQuery: z.string().nullable().meta({ description: "Orthographe corrigée ajoutée à la recherche quand elle trouvait peu." }),
    understoodPlaces: z
      .array(z.object({ words: z.string(), code: z.string(), name: z.string() }))
      .meta({ description: "Mots de q compris comme lieux, ajoutés au filtre territoire (voir interpreter)." }),
    droppedWords: z.array(z.string()).meta({
      description: "Quand tous les mots ensemble ne trouvaient rien : les mots laissés de côté dans les résultats donnés (sinon vide).",
    }),
    facets: z.array(facetSchema),
    placeCounts: z
      .object({ local: z.int().min(0), covering: z.int().min(0) })
      .nullable()
      .meta({
        description:
          "Avec « territoire » : combien de résultats sont situés dans le territoire (local) et combien le couvrent depuis un territoire plus grand (covering), quelle que soit la portée.",
      }),
    items: z.array(initiativeSummarySchema),
  }),
);

export const initiativeDocumentSchema = named("InitiativeDocument", z.object({ licence: licenceSchema, item: initiativeSchema }));

export const actorSchema = named(
  "Actor",
  z.object({
    slug: z.string(),
    url,
    name: z.string(),
    acronym: z.string().nullable(),
    kind: actorKindSchema,
    description: z.string(),
    website: z.string().nullable(),
    address: z
      .string()
      .nullable()
      .meta({ description: "Adresse postale publique de la structure (lignes séparées par des retours à la ligne)." }),
    phone: z.string().nullable().meta({ description: "Téléphone public de la structure." }),
    email: z.string().nullable().meta({ description: "E-mail public de la structure." }),
    contact: contactSchema.nullable(),
    territory: territoryRefSchema.nullable(),
    areas: z
      .array(territoryRefSchema)
      .meta({ description: "Territoires d'intervention (à défaut, le territoire d'implantation en tient lieu)." }),
    approaches: z.array(termSchema).meta({ description: "Approches de ses initiatives publiées." }),
    scale: z.string().nullable().meta({
      description:
        "Avec « territoire » : « à l'échelle de la région » etc. pour un acteur qui couvre le lieu depuis un territoire plus large ; null pour un acteur du lieu.",
    }),
    initiativeCount: z.int().min(0),
  }),
);
export const actorListSchema = named(
  "ActorList",
  z.object({ licence: licenceSchema, pagination: paginationSchema, items: z.array(actorSchema) }),
);

export const vocabularyEntrySchema = named(
  "VocabularyEntry",
  z.object({ slug: z.string(), url, label: z.string(), description: z.string().nullable(), initiativeCount: z.int().min(0) }),
);
export const vocabularyListSchema = named("VocabularyList", z.object({ licence: licenceSchema, items: z.array(vocabularyEntrySchema) }));

export const territorySchema = named(
  "Territory",
  z.object({
    code: z.string(),
    url,
    name: z.string(),
    kind: territoryKindSchema,
    aliases: z.array(z.string()),
    official: z.boolean(),
    postcodes: z.array(z.string()).meta({ description: "Codes postaux d'une commune (vide pour les autres niveaux)." }),
    population: z
      .int()
      .nullable()
      .meta({ description: "Population municipale (INSEE) ; pour un territoire plus large, somme de ses communes ; null pour un QPV." }),
    departement: z.string().nullable().meta({
      description: "Nom du département où se trouve le territoire (null pour la région et une intercommunalité sur deux départements).",
    }),
  }),
);
export const territoryListSchema = named(
  "TerritoryList",
  z.object({ licence: licenceSchema, pagination: paginationSchema, items: z.array(territorySchema) }),
);

export const lessonSchema = named(
  "Lesson",
  z.object({
    slug: z.string(),
    url,
    title: z.string(),
    body: z.string().meta({ description: "Markdown." }),
    evidenceLevel: evidenceLevelSchema,
    publishedAt: isoDateTime.nullable(),
    source: z
      .object({ slug: z.string(), title: z.string(), kind: z.enum(["EVENT", "DOCUMENT"]), date: z.iso.date().nullable() })
      .nullable(),
    scale: z.string().nullable().meta({
      description:
        "Avec « territoire » : l'échelle d'où l'enseignement couvre ce territoire (« à l'échelle de l'agglomération »), null s'il s'y trouve.",
    }),
  }),
);
export const lessonListSchema = named(
  "LessonList",
  z.object({
    licence: licenceSchema,
    pagination: paginationSchema,
    place: z
      .object({
        territory: territoryRefSchema,
        local: z.int().meta({ description: "Enseignements qui se trouvent dans le territoire." }),
        covering: z.int().meta({ description: "Enseignements qui le couvrent depuis un territoire plus grand." }),
      })
      .nullable()
      .meta({ description: "Le territoire demandé et les décomptes par portée ; null sans « territoire »." }),
    items: z.array(lessonSchema),
  }),
);

export const problemSchema = named(
  "Problem",
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.int(),
      detail: z.string().meta({ description: "Explication en français." }),
      parameter: z.string().optional().meta({ description: "Le paramètre de requête en cause, pour une erreur 400." }),
    })
    .meta({ description: "Erreur au format RFC 9457 (application/problem+json)." }),
);
export type Problem = z.infer<typeof problemSchema>;
