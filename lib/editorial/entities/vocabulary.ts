import { z } from "zod";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import type { EntityType } from "@/lib/db/generated/enums";
import { byVocabulary, type Vocabulary } from "@/lib/vocabularies/registry";
import { vocabularyLinkKeySql, vocabularyLinkSql } from "@/lib/vocabularies/sql";
import type { EntityDefinition, Tx } from "../definition";
import type { FieldSpec } from "../form-values";
import { markdown, optionalId, optionalText, position, requiredText, str } from "../schema-helpers";

type VocabularyModel = Vocabulary["model"];

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
  vocabulary: Vocabulary;
  type: EntityType;
  path: string;
  label: Omit<EntityDefinition["label"], "many">;
  /** Extra columns beyond label and position. */
  extra: Array<"description" | "successConditions" | "legalBasis" | "parent">;
  /** What else links to an entry, beyond published initiatives, for the trash guard. */
  otherLinks?(db: Database, id: number): Promise<string[]>;
}

/** The published initiatives that use an entry, for the trash guard. */
async function linkedInitiatives(db: Database, vocabulary: Vocabulary, id: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ title: string }[]>(Prisma.sql`
    SELECT i.title FROM ${vocabularyLinkSql(vocabulary)} x JOIN "Initiative" i ON i.id = x."initiativeId"
    WHERE x.${vocabularyLinkKeySql(vocabulary)} = ${id} AND i.status = 'PUBLISHED' AND i."deletedAt" IS NULL`);
  return rows.map((row) => `Initiative publiée : ${row.title}`);
}

export function vocabularyDefinition(config: VocabularyConfig): EntityDefinition<Record<string, unknown>> {
  const model = config.vocabulary.model;
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
    ...(config.extra.includes("legalBasis")
      ? [{ key: "legalBasis", label: "Fondement juridique", kind: "text", hint: "Ex. Code pénal, art. 225-1" } as const]
      : []),
    ...(config.extra.includes("parent") ? [{ key: "parent", label: "Thème parent", kind: "select", options: "parents" } as const] : []),
    { key: "position", label: "Ordre d'affichage", kind: "number", hint: "Les plus petits nombres d'abord." },
  ];
  const schema = baseSchema.extend({
    ...(config.extra.includes("description") ? { description: markdown("La description", 5000).transform(emptyAsNull) } : {}),
    ...(config.extra.includes("successConditions")
      ? { successConditions: markdown("Les conditions de réussite", 5000).transform(emptyAsNull) }
      : {}),
    ...(config.extra.includes("legalBasis") ? { legalBasis: optionalText("Le fondement juridique", 300) } : {}),
    ...(config.extra.includes("parent") ? { parent: optionalId } : {}),
  });
  const toData = ({ parent, ...rest }: Record<string, unknown>) => (config.extra.includes("parent") ? { ...rest, parentId: parent } : rest);

  return {
    type: config.type,
    model,
    titleField: "label",
    workflow: false,
    verifiable: false,
    path: config.path,
    label: { ...config.label, many: config.vocabulary.plural },
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
      const row = await delegate(db, model).findUnique({ where: { id } });
      if (!row) return null;
      const values: Record<string, string> = { label: String(row.label), position: str(row.position as number) };
      if (config.extra.includes("description")) values.description = str(row.description as string | null);
      if (config.extra.includes("successConditions")) values.successConditions = str(row.successConditions as string | null);
      if (config.extra.includes("legalBasis")) values.legalBasis = str(row.legalBasis as string | null);
      if (config.extra.includes("parent")) values.parent = str(row.parentId as number | null);
      return values;
    },
    async create(tx, input, slug) {
      return (await delegate(tx, model).create({ data: { slug, ...toData(input) } })).id;
    },
    async update(tx, id, input) {
      if (config.extra.includes("parent") && input.parent === id) throw new Error("Un thème ne peut pas être son propre parent.");
      await delegate(tx, model).update({ where: { id }, data: toData(input) });
    },
    async blockingLinks(db, id) {
      return [...(await linkedInitiatives(db, config.vocabulary, id)), ...((await config.otherLinks?.(db, id)) ?? [])];
    },
  };
}

const publishedLesson = { status: "PUBLISHED", deletedAt: null } as const;
const vocabularies = byVocabulary("facet", (v) => v);

export const themeDefinition = vocabularyDefinition({
  vocabulary: vocabularies.theme,
  type: "THEME",
  path: "themes",
  label: { one: "thème", a: "un thème", new: "Nouveau thème" },
  extra: ["description", "parent"],
  otherLinks: async (db, id) => [
    ...(
      await db.lessonTheme.findMany({ where: { themeId: id, lesson: publishedLesson }, select: { lesson: { select: { title: true } } } })
    ).map((r) => `Enseignement publié : ${r.lesson.title}`),
    ...(await db.theme.findMany({ where: { parentId: id, deletedAt: null }, select: { label: true } })).map(
      (t) => `Sous-thème : ${t.label}`,
    ),
  ],
});

export const approachDefinition = vocabularyDefinition({
  vocabulary: vocabularies.approche,
  type: "APPROACH",
  path: "approches",
  label: { one: "approche", a: "une approche", new: "Nouvelle approche" },
  extra: ["description", "successConditions"],
  otherLinks: async (db, id) =>
    (
      await db.lessonApproach.findMany({
        where: { approachId: id, lesson: publishedLesson },
        select: { lesson: { select: { title: true } } },
      })
    ).map((r) => `Enseignement publié : ${r.lesson.title}`),
});

export const criterionDefinition = vocabularyDefinition({
  vocabulary: vocabularies.critere,
  type: "CRITERION",
  path: "criteres",
  label: { one: "critère", a: "un critère", new: "Nouveau critère" },
  extra: ["legalBasis"],
});

export const domainDefinition = vocabularyDefinition({
  vocabulary: vocabularies.domaine,
  type: "DOMAIN",
  path: "domaines",
  label: { one: "domaine", a: "un domaine", new: "Nouveau domaine" },
  extra: [],
});

export const publicDefinition = vocabularyDefinition({
  vocabulary: vocabularies.public,
  type: "PUBLIC",
  path: "publics",
  label: { one: "public", a: "un public", new: "Nouveau public" },
  extra: [],
});
