/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that the handlers use
 * (parameters: lib/api/params.ts; responses: lib/api/schemas.ts). Nothing is written twice.
 */
import { z } from "zod";
import { LICENCE } from "@/lib/opendata/site";
import { actorsParams, initiativesParams, lessonsParams, noParams, territoriesParams } from "./params";
import {
  actorListSchema,
  apiRegistry,
  initiativeDocumentSchema,
  initiativeListSchema,
  lessonListSchema,
  territoryListSchema,
  vocabularyListSchema,
} from "./schemas";

export interface Endpoint {
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  query: z.ZodObject;
  pathParameters?: { name: string; description: string }[];
  response: z.ZodType;
}

export const endpoints: Endpoint[] = [
  {
    path: "/initiatives",
    operationId: "listInitiatives",
    summary: "Initiatives publiées, filtrées comme sur la page /initiatives",
    description: "Mêmes paramètres que la page de recherche. Renvoie une page de résultats, le total et les décomptes de chaque facette.",
    query: initiativesParams,
    response: initiativeListSchema,
  },
  {
    path: "/initiatives/{slug}",
    operationId: "getInitiative",
    summary: "Une initiative publiée, avec toutes ses informations",
    query: noParams,
    pathParameters: [{ name: "slug", description: "Identifiant de l'initiative (dernier segment de son adresse)." }],
    response: initiativeDocumentSchema,
  },
  {
    path: "/acteurs",
    operationId: "listActors",
    summary: "Acteurs publiés et leurs coordonnées publiques, filtrables comme sur la page /acteurs",
    description:
      "Par ordre alphabétique (par pertinence avec « q ») ; avec « territoire », les acteurs du lieu d'abord, puis ceux qui le couvrent. " +
      "La personne à contacter (« contact ») n'est donnée qu'avec son consentement enregistré, sinon null.",
    query: actorsParams,
    response: actorListSchema,
  },
  {
    path: "/themes",
    operationId: "listThemes",
    summary: "Thèmes, avec le nombre d'initiatives publiées",
    query: noParams,
    response: vocabularyListSchema,
  },
  {
    path: "/approches",
    operationId: "listApproaches",
    summary: "Approches, avec le nombre d'initiatives publiées",
    query: noParams,
    response: vocabularyListSchema,
  },
  {
    path: "/territoires",
    operationId: "listTerritories",
    summary: "Territoires (région, départements, EPCI, communes, QPV), recherche par nom, alias ou code",
    query: territoriesParams,
    response: territoryListSchema,
  },
  {
    path: "/enseignements",
    operationId: "listLessons",
    summary: "Enseignements publiés, filtrables comme sur la page /enseignements, y compris par lieu",
    description:
      "Les lieux d'un enseignement sont ceux de ses initiatives publiées ou, s'il n'en a pas, ceux des initiatives publiées qui citent sa source. Avec « territoire », « place » donne les décomptes par portée et chaque enseignement venu d'un territoire plus grand porte son échelle (« scale »). 20 par page par défaut.",
    query: lessonsParams,
    response: lessonListSchema,
  },
];

const ref = (schema: z.ZodType) => {
  const id = apiRegistry.get(schema)?.id;
  if (!id) throw new Error("Response schemas of the API must be registered in apiRegistry.");
  return { $ref: `#/components/schemas/${id}` };
};

function withoutDialect(schema: Record<string, unknown>) {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function queryParameters(query: z.ZodObject) {
  return Object.entries(query.shape as Record<string, z.ZodType>).map(([name, schema]) => {
    const json = withoutDialect(
      z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>,
    );
    const { description, ...rest } = json;
    const repeated = rest.type === "array";
    return {
      name,
      in: "query",
      required: false,
      ...(description ? { description } : {}),
      schema: rest,
      ...(repeated ? { style: "form", explode: true } : {}),
    };
  });
}

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

export function openApiDocument(serverUrl: string) {
  const { schemas } = z.toJSONSchema(apiRegistry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` });
  const paths = Object.fromEntries(
    endpoints.map((endpoint) => [
      endpoint.path,
      {
        get: {
          operationId: endpoint.operationId,
          summary: endpoint.summary,
          ...(endpoint.description ? { description: endpoint.description } : {}),
          parameters: [
            ...(endpoint.pathParameters ?? []).map((p) => ({
              name: p.name,
              in: "path",
              required: true,
              description: p.description,
              schema: { type: "string" },
            })),
            ...queryParameters(endpoint.query),
          ],
          responses: {
            "200": {
              description: "Réponse en JSON.",
              headers: {
                ETag: { description: "Validateur : renvoyez-le dans If-None-Match pour obtenir 304.", schema: { type: "string" } },
                "Last-Modified": { description: "Date de la dernière modification des données publiées.", schema: { type: "string" } },
              },
              content: { "application/json": { schema: ref(endpoint.response) } },
            },
            "304": { description: "Pas de changement depuis la version du client (If-None-Match ou If-Modified-Since)." },
            "400": problemResponse("Paramètre inconnu ou invalide : le champ `parameter` le nomme."),
            ...(endpoint.pathParameters ? { "404": problemResponse("Aucune ressource publiée à cette adresse.") } : {}),
            "429": {
              ...problemResponse("Trop de requêtes depuis cette adresse."),
              headers: { "Retry-After": { description: "Secondes à attendre.", schema: { type: "integer" } } },
            },
          },
        },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "API de Repères",
      version: "1.0.0",
      description:
        "Données publiées de Repères, la base de connaissances de l'IREV (politique de la ville, Hauts-de-France), en lecture seule. " +
        `Les données sont publiées sous ${LICENCE.name}.`,
      license: { name: LICENCE.name, identifier: LICENCE.spdx },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema as Record<string, unknown>)])),
    },
  };
}
