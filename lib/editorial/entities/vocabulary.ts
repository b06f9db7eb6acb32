import { z } from "zod";
import type { Database } from "@/lib/db/connect";
import type { EntityType } from "@/lib/db/generated/enums";
import type { EntityDefinition, Tx } from "../definition";
import type { FieldSpec } from "../form-values";
import { markdown, optionalId, optionalText, position, requiredText, str } from "../schema-helpers";

type VocabularyModel = "theme" | "approach" | "discriminationCriterion" | "domain" | "public";

/** The few calls the vocabulary editor makes, common to the five vocabulary tables. */
interface VocabularyDelegate {
  findUnique(args: { where: { id: number } }): Promise<Record<string, unknown> | null>;
  create(args: { data: Record<string, unknown> }): Promise<{ id: number }>;
  update(args: { where: { id: number }; data: Record<string, unknown> }): Promise<unknown>;
}

const delegate = (db: Database | Tx, model: VocabularyModel) => (db as unknown as Record<VocabularyModel, VocabularyDelegate>)[model];

const emptyAsNull = (value: string) => (value === "" ? null : value);

const baseSchema = z.object({
  label: requiredText("Le libellé", 2, 200),
  position,
});

interface VocabularyConfig {
  type: EntityType;
  model: VocabularyModel;
  path: string;
  label: EntityDefinition["label"];
  /** Extra columns beyond label and position. */
  extra: Array<"description" | "successConditions" | "legalBasis" | "parent">;
  /** The join table rows linking it to initiatives, for the trash guard. */
  linkedInitiatives(db: Database, id: number): Promise<string[]>;
}

export function vocabularyDefinition(config: VocabularyConfig): EntityDefinition<Record<string, unknown>> {
  const fields: FieldSpec[] = [
    { key: "label", label: "Libellé", kind: "text", required: true },
    ...(config.extra.includes("description") ? [{ key: "description", label: "Description", kind: "markdown" } as const] : []),
    ...(config.extra.includes("successConditions")
      ? [
          {
            key: "successConditions",
            label: "Conditions de réussite",
            kind: "markdown",
            hint: "Ce qu'il faut pour que l'approche marche, d'après les sources. Affiché sur la page de l'approche.",
          } as const,
        ]
      : []),
    ...(config.extra.includes("legalBasis") ? [{ key: "legalBasis", label: "Fondement juridique", kind: "text", hint: "Ex. Code pénal, art. 225-1" } as const] : []),
    ...(config.extra.includes("parent") ? [{ key: "parent", label: "Thème parent", kind: "select", options: "parents" } as const] : []),
    { key: "position", label: "Ordre d'affichage", kind: "number", hint: "Les plus petits nombres d'abord." },
  ];
  const schema = baseSchema.extend({
    ...(config.extra.includes("description") ? { description: markdown("La description", 5000).transform(emptyAsNull) } : {}),
    ...(config.extra.includes("successConditions") ? { successConditions: markdown("Les conditions de réussite", 5000).transform(emptyAsNull) } : {}),
    ...(config.extra.includes("legalBasis") ? { legalBasis: optionalText("Le fondement juridique", 300) } : {}),
    ...(config.extra.includes("parent") ? { parent: optionalId } : {}),
  });
  const toData = ({ parent, ...rest }: Record<string, unknown>) => (config.extra.includes("parent") ? { ...rest, parentId: parent } : rest);

  return {
    type: config.type,
    model: config.model,
    titleField: "label",
    workflow: false,
    verifiable: false,
    path: config.path,
    label: config.label,
    editRole: "EDITOR",
    fields,
    schema: schema as unknown as z.ZodType<Record<string, unknown>>,
    publicPath: () => null,
    async options(db): Promise<Record<string, { value: string; label: string }[]>> {
      if (!config.extra.includes("parent")) return {} as Record<string, never>;
      const themes = await db.theme.findMany({ where: { deletedAt: null }, orderBy: { label: "asc" }, select: { id: true, label: true } });
      return { parents: themes.map((t) => ({ value: String(t.id), label: t.label })) };
    },
    async values(db, id) {
      const row = await delegate(db, config.model).findUnique({ where: { id } });
      if (!row) return null;
      const values: Record<string, string> = { label: String(row.label), position: str(row.position as number) };
      if (config.extra.includes("description")) values.description = str(row.description as string | null);
      if (config.extra.includes("successConditions")) values.successConditions = str(row.successConditions as string | null);
      if (config.extra.includes("legalBasis")) values.legalBasis = str(row.legalBasis as string | null);
      if (config.extra.includes("parent")) values.parent = str(row.parentId as number | null);
      return values;
    },
    async create(tx, input, slug) {
      return (await delegate(tx, config.model).create({ data: { slug, ...toData(input) } })).id;
    },
    async update(tx, id, input) {
      if (config.extra.includes("parent") && input.parent === id) throw new Error("Un thème ne peut pas être son propre parent.");
      await delegate(tx, config.model).update({ where: { id }, data: toData(input) });
    },
    async blockingLinks(db, id) {
      return config.linkedInitiatives(db, id);
    },
  };
}

const publishedInitiative = { status: "PUBLISHED", deletedAt: null } as const;
const titles = (rows: { initiative: { title: string } }[]) => rows.map((r) => `Initiative publiée : ${r.initiative.title}`);
const select = { initiative: { select: { title: true } } } as const;

export const themeDefinition = vocabularyDefinition({
  type: "THEME",
  model: "theme",
  path: "themes",
  label: { one: "thème", many: "Thèmes", a: "un thème", new: "Nouveau thème" },
  extra: ["description", "parent"],
  linkedInitiatives: async (db, id) => [
    ...titles(await db.initiativeTheme.findMany({ where: { themeId: id, initiative: publishedInitiative }, select })),
    ...(await db.lessonTheme.findMany({ where: { themeId: id, lesson: publishedInitiative }, select: { lesson: { select: { title: true } } } })).map(
      (r) => `Enseignement publié : ${r.lesson.title}`,
    ),
    ...(await db.theme.findMany({ where: { parentId: id, deletedAt: null }, select: { label: true } })).map((t) => `Sous-thème : ${t.label}`),
  ],
});

export const approachDefinition = vocabularyDefinition({
  type: "APPROACH",
  model: "approach",
  path: "approches",
  label: { one: "approche", many: "Approches", a: "une approche", new: "Nouvelle approche" },
  extra: ["description", "successConditions"],
  linkedInitiatives: async (db, id) => [
    ...titles(await db.initiativeApproach.findMany({ where: { approachId: id, initiative: publishedInitiative }, select })),
    ...(await db.lessonApproach.findMany({ where: { approachId: id, lesson: publishedInitiative }, select: { lesson: { select: { title: true } } } })).map(
      (r) => `Enseignement publié : ${r.lesson.title}`,
    ),
  ],
});

export const criterionDefinition = vocabularyDefinition({
  type: "CRITERION",
  model: "discriminationCriterion",
  path: "criteres",
  label: { one: "critère", many: "Critères de discrimination", a: "un critère", new: "Nouveau critère" },
  extra: ["legalBasis"],
  linkedInitiatives: async (db, id) => titles(await db.initiativeCriterion.findMany({ where: { criterionId: id, initiative: publishedInitiative }, select })),
});

export const domainDefinition = vocabularyDefinition({
  type: "DOMAIN",
  model: "domain",
  path: "domaines",
  label: { one: "domaine", many: "Domaines", a: "un domaine", new: "Nouveau domaine" },
  extra: [],
  linkedInitiatives: async (db, id) => titles(await db.initiativeDomain.findMany({ where: { domainId: id, initiative: publishedInitiative }, select })),
});

export const publicDefinition = vocabularyDefinition({
  type: "PUBLIC",
  model: "public",
  path: "publics",
  label: { one: "public", many: "Publics", a: "un public", new: "Nouveau public" },
  extra: [],
  linkedInitiatives: async (db, id) => titles(await db.initiativePublic.findMany({ where: { publicId: id, initiative: publishedInitiative }, select })),
});
