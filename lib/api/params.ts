/**
 * Query parameters of the public API, in zod: parsed strictly (an unknown parameter, a repeated
 * single one or a malformed value is a 400 naming it) and documented by the OpenAPI document.
 * The pages are lenient on purpose (a hand-edited URL still shows something); a program calling
 * the API is better served by an error than by a filter silently dropped. Filters have the
 * same names and meaning as on /initiatives: once checked here, they go through the page's own
 * parseSearchQuery, so that the API selects exactly what the page shows.
 */
import { z } from "zod";
import { activityYear, boundedInt, pageNumber } from "@/lib/validation/integer";
import { evidenceParams } from "@/lib/public/lessons";
import { PLACE_SCOPE_PARAM, PLACE_SCOPES, placeScopeSchema } from "@/lib/search/place-scope";
import { byVocabulary } from "@/lib/vocabularies/registry";
import { actorKindParams, MAX_QUERY_LENGTH, MAX_VALUES_PER_FILTER, sortParams, statusParams } from "@/lib/search/query";
import { PLACE_QUERY_MAX } from "@/lib/territories/place-text";
import { ApiError } from "./errors";

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100);
const code = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/);
const repeated = <T extends z.ZodType>(item: T, description: string) =>
  z
    .array(item)
    .max(MAX_VALUES_PER_FILTER)
    .optional()
    .meta({ description: `${description} Répétable (OU entre les valeurs).` });

const page = pageNumber().optional().meta({ description: "Numéro de page, à partir de 1." });
const perPage = boundedInt(1, 100).optional().meta({ description: "Résultats par page (20 par défaut, 100 au plus)." });
const text = (description: string) => z.string().max(MAX_QUERY_LENGTH).optional().meta({ description });

export const initiativesParams = z.object({
  q: text(
    "Recherche plein texte en français (racines, accents et majuscules indifférents, fautes de frappe tolérées ; les libellés des thèmes, approches, critères, domaines et publics comptent ; synonymes du métier). Un nom de lieu (« Roubaix », « Creil Sud Oise ») est compris comme filtre de territoire, sauf avec interpreter=non.",
  ),
  interpreter: z
    .enum(["oui", "non"])
    .optional()
    .meta({ description: "« non » : les noms de lieux de q restent des mots du texte (« oui » par défaut)." }),
  territoire: repeated(code, "Code officiel d'un territoire (INSEE, SIREN d'EPCI, code QPV) : voir « portee »."),
  portee: z
    .enum(PLACE_SCOPES)
    .optional()
    .meta({
      description:
        "Avec « territoire » : « local » = les initiatives situées dans le territoire (lui-même ou un lieu qu'il contient) ; " +
        "« couvrant » = celles rattachées à un territoire plus grand qui le contient (son EPCI, son département, la région), " +
        "jamais celles d'un territoire voisin ; « tous » (par défaut) = les deux, les locales d'abord. Ignoré sans « territoire ».",
    }),
  ...byVocabulary("facet", (vocabulary) => repeated(slug, vocabulary.parameterHint)),
  acteur: repeated(z.enum(Object.keys(actorKindParams) as [string, ...string[]]), "Type d'acteur impliqué."),
  statut: repeated(z.enum(statusParams), "En cours ou terminée."),
  annee: repeated(activityYear, "Année d'activité."),
  tri: z.enum(sortParams).optional().meta({ description: "Ordre des résultats (pertinence par défaut)." }),
  page,
  par_page: perPage,
});

export const actorsParams = z.object({
  q: text("Mots du nom, du sigle ou de la description (accents, majuscules, tirets et apostrophes indifférents)."),
  territoire: code
    .optional()
    .meta({ description: "Code officiel d'un territoire : les acteurs qui y interviennent et/ou ceux qui le couvrent, selon « portee »." }),
  portee: placeScopeSchema.optional().meta({
    description:
      "Avec « territoire » : « local » (acteurs qui interviennent dans le lieu ou un lieu qu'il contient), « couvrant » (acteurs de ses territoires englobants : EPCI, département, région), « tous » (les deux, par défaut ; les acteurs locaux d'abord).",
  }),
  type: z
    .enum(Object.keys(actorKindParams) as [string, ...string[]])
    .optional()
    .meta({ description: "Type d'acteur." }),
  approche: slug.optional().meta({ description: "Identifiant d'une approche d'au moins une de ses initiatives publiées." }),
  page,
  par_page: perPage,
});

export const territoriesParams = z.object({
  q: z.string().min(2).max(PLACE_QUERY_MAX).optional().meta({
    description:
      "Lieu tel qu'on le tape : nom (accents, tirets et fautes de frappe tolérés : « roubeix »), sigle (« MEL », « ACSO »), code postal (« 59100 ») ou code officiel (« 59512 »). Les meilleures correspondances d'abord (à égalité, la plus peuplée).",
  }),
  niveau: z.enum(["region", "departement", "epci", "commune", "qpv"]).optional().meta({ description: "Niveau de territoire." }),
  page,
  par_page: perPage,
});

export const lessonsParams = z.object({
  q: text("Recherche plein texte en français."),
  theme: slug.optional().meta({ description: "Identifiant d'un thème." }),
  approche: slug.optional().meta({ description: "Identifiant d'une approche." }),
  source: slug.optional().meta({ description: "Identifiant d'une source (événement ou document)." }),
  niveau: z
    .enum(Object.keys(evidenceParams) as [string, ...string[]])
    .optional()
    .meta({ description: "Niveau de preuve." }),
  territoire: code.optional().meta({
    description:
      "Code officiel d'un territoire : les enseignements de ses initiatives (ou, à défaut, des initiatives citant leur source) qui s'y trouvent ou qui le couvrent, selon « portee ».",
  }),
  [PLACE_SCOPE_PARAM]: placeScopeSchema.optional().meta({
    description:
      "Avec « territoire » : « local » (ce qui se trouve dans le territoire), « couvrant » (ce qui vient d'un territoire plus grand qui le contient : EPCI, département, région) ou « tous » (les deux, par défaut ; les enseignements locaux d'abord).",
  }),
  page,
  par_page: perPage,
});

export const noParams = z.object({});

function isRepeatable(schema: z.ZodType): boolean {
  let current = schema as z.ZodType & { _zod: { def: { type: string; innerType?: z.ZodType } } };
  while (current._zod.def.type === "optional" || current._zod.def.type === "default")
    current = current._zod.def.innerType as typeof current;
  return current._zod.def.type === "array";
}

function describe(schema: z.ZodType): string {
  const description = z.globalRegistry.get(schema)?.description;
  return description ? ` Attendu : ${description.charAt(0).toLowerCase()}${description.slice(1)}` : "";
}

/** Parses a query string strictly against one of the schemas above; throws ApiError(400). */
export function parseParams<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.infer<S> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const field = shape[key];
    if (!field) {
      const known = Object.keys(shape);
      throw new ApiError(
        400,
        `Paramètre inconnu : « ${key} ».${known.length ? ` Paramètres acceptés : ${known.join(", ")}.` : " Cette adresse n'en accepte aucun."}`,
        key,
      );
    }
    const values = params.getAll(key);
    if (isRepeatable(field)) raw[key] = values;
    else if (values.length > 1) throw new ApiError(400, `Le paramètre « ${key} » ne peut être donné qu'une fois.`, key);
    else raw[key] = values[0]!;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.infer<S>;
  // The value is not repeated back: a detail may end up in a log or a page unescaped.
  const key = String(result.error.issues[0]!.path[0]);
  throw new ApiError(400, `Valeur invalide pour le paramètre « ${key} ».${describe(shape[key]!)}`, key);
}
