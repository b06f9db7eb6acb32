import { z } from "zod";
import { ActorRole } from "@/lib/db/generated/enums";
import { actorRoleLabels } from "@/lib/format/labels";
import type { EntityDefinition } from "../definition";
import type { FieldSpec } from "../form-values";
import { asIdStrings, idList, markdown, optionalHttpUrl, optionalYear, requiredText, str, territoryCodes } from "../schema-helpers";
import { contactPersonFields, contactPersonShape, contactPersonValues } from "./contact-person";
import { vocabularyOptions } from "./options";
import { byVocabulary, VOCABULARIES, type VocabularyRelation } from "@/lib/vocabularies/registry";
import { vocabularyLinksCreate } from "@/lib/vocabularies/links";
import { vocabularyLinkSql } from "@/lib/vocabularies/sql";

const fields: FieldSpec[] = [
  { key: "title", label: "Titre", kind: "text", required: true, group: "L'essentiel" },
  {
    key: "summary",
    label: "Résumé",
    kind: "textarea",
    required: true,
    hint: "Deux ou trois phrases, affichées dans les listes (600 caractères au plus).",
    group: "L'essentiel",
  },
  { key: "description", label: "Description", kind: "markdown", group: "Contenu" },
  { key: "objectives", label: "Objectifs", kind: "markdown", group: "Contenu" },
  { key: "means", label: "Moyens", kind: "markdown", group: "Contenu" },
  { key: "funding", label: "Financement", kind: "markdown", group: "Contenu" },
  { key: "results", label: "Résultats", kind: "markdown", group: "Contenu" },
  { key: "startYear", label: "Année de début", kind: "number", hint: "Ex. 2021", group: "Période" },
  { key: "endYear", label: "Année de fin", kind: "number", group: "Période" },
  { key: "ongoing", label: "Toujours en cours", kind: "checkbox", group: "Période" },
  { key: "actors", label: "Acteurs", kind: "actorRoles", options: "actors", group: "Liens" },
  {
    key: "territories",
    label: "Territoires",
    kind: "territories",
    hint: "Cherchez par nom, alias (ex. ACSO) ou code officiel.",
    group: "Liens",
  },
  ...VOCABULARIES.map((v): FieldSpec => ({ key: v.relation, label: v.plural, kind: "checkboxes", options: v.relation, group: "Liens" })),
  { key: "sources", label: "Sources", kind: "checkboxes", options: "sources", group: "Liens" },
  { key: "lessons", label: "Enseignements", kind: "checkboxes", options: "lessons", group: "Liens" },
  { key: "website", label: "Site web", kind: "url", hint: "Adresse complète, ex. https://exemple.fr", group: "Contact" },
  ...contactPersonFields("Contact", "Sans cet accord, la personne n'apparaît nulle part en public (pages, API, exports)."),
];

const schema = z
  .object({
    title: requiredText("Le titre", 3, 200),
    summary: requiredText("Le résumé", 10, 600),
    description: markdown("La description"),
    objectives: markdown("Les objectifs"),
    means: markdown("Les moyens"),
    funding: markdown("Le financement"),
    results: markdown("Les résultats"),
    startYear: optionalYear("L'année de début"),
    endYear: optionalYear("L'année de fin"),
    ongoing: z.boolean(),
    actors: z
      .array(z.object({ actorId: z.string().regex(/^\d{1,9}$/, "Choisissez un acteur."), role: z.enum(ActorRole, "Choisissez un rôle.") }))
      .max(100)
      .transform((rows) => {
        const seen = new Set<string>();
        return rows
          .map((row) => ({ actorId: Number(row.actorId), role: row.role }))
          .filter((row) => !seen.has(`${row.actorId}-${row.role}`) && seen.add(`${row.actorId}-${row.role}`));
      }),
    territories: territoryCodes(),
    ...byVocabulary("relation", () => idList),
    sources: idList,
    lessons: idList,
    website: optionalHttpUrl("Le site web"),
    ...contactPersonShape,
  })
  .refine((v) => v.startYear === null || v.endYear === null || v.endYear >= v.startYear, {
    path: ["endYear"],
    message: "L'année de fin ne peut pas précéder l'année de début.",
  });

type Input = z.infer<typeof schema>;

function scalars(input: Input): Omit<Input, VocabularyRelation | "actors" | "territories" | "sources" | "lessons"> {
  const { actors: _a, territories: _t, sources: _s, lessons: _l, ...rest } = input;
  const scalarsOnly: Partial<Input> = { ...rest };
  for (const v of VOCABULARIES) delete scalarsOnly[v.relation];
  return scalarsOnly as Omit<Input, VocabularyRelation | "actors" | "territories" | "sources" | "lessons">;
}

function relations(input: Input) {
  return {
    actors: { create: input.actors },
    territories: { create: input.territories.map((territoryCode) => ({ territoryCode })) },
    ...vocabularyLinksCreate(input),
    sources: { create: input.sources.map((sourceId) => ({ sourceId })) },
    lessons: { create: input.lessons.map((lessonId) => ({ lessonId })) },
  };
}

export const initiativeDefinition: EntityDefinition<Input> = {
  type: "INITIATIVE",
  model: "initiative",
  titleField: "title",
  workflow: true,
  verifiable: true,
  path: "initiatives",
  label: { one: "initiative", many: "Initiatives", a: "une initiative", new: "Nouvelle initiative" },
  editRole: "CONTRIBUTOR",
  fields,
  schema,
  publicPath: (slug) => `/initiatives/${slug}`,
  async options(db) {
    const [vocabularies, actors, sources, lessons] = await Promise.all([
      vocabularyOptions(db),
      db.actor.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
      db.source.findMany({ where: { deletedAt: null }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
      db.lesson.findMany({ where: { deletedAt: null }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
    ]);
    return {
      ...vocabularies,
      actors: actors.map((a) => ({ value: String(a.id), label: a.name })),
      actorRoles: Object.entries(actorRoleLabels).map(([value, label]) => ({ value, label })),
      sources: sources.map((s) => ({ value: String(s.id), label: s.title })),
      lessons: lessons.map((l) => ({ value: String(l.id), label: l.title })),
    };
  },
  async values(db, id) {
    const row = await db.initiative.findUnique({
      where: { id },
      include: { actors: true, territories: true, ...byVocabulary("relation", () => true as const), sources: true, lessons: true },
    });
    if (!row) return null;
    return {
      title: row.title,
      summary: row.summary,
      description: row.description,
      objectives: row.objectives,
      means: row.means,
      funding: row.funding,
      results: row.results,
      startYear: str(row.startYear),
      endYear: str(row.endYear),
      ongoing: row.ongoing,
      actors: row.actors.map((a) => ({ actorId: String(a.actorId), role: a.role })),
      territories: row.territories.map((t) => t.territoryCode),
      ...byVocabulary("relation", (v) => asIdStrings((row[v.relation] as Record<string, number>[]).map((link) => link[v.linkKey]!))),
      sources: asIdStrings(row.sources.map((r) => r.sourceId)),
      lessons: asIdStrings(row.lessons.map((r) => r.lessonId)),
      website: str(row.website),
      ...contactPersonValues(row),
    };
  },
  async create(tx, input, slug) {
    const created = await tx.initiative.create({ data: { slug, ...scalars(input), ...relations(input) } });
    return created.id;
  },
  async update(tx, id, input) {
    const where = { initiativeId: id };
    // One statement at a time: a transaction is one connection.
    await tx.initiativeActor.deleteMany({ where });
    await tx.initiativeTerritory.deleteMany({ where });
    for (const v of VOCABULARIES) await tx.$executeRaw`DELETE FROM ${vocabularyLinkSql(v)} WHERE "initiativeId" = ${id}`;
    await tx.initiativeSource.deleteMany({ where });
    await tx.lessonInitiative.deleteMany({ where });
    await tx.initiative.update({ where: { id }, data: { ...scalars(input), ...relations(input) } });
  },
};
