import { z } from "zod";
import { EvidenceLevel } from "@/lib/db/generated/enums";
import { evidenceLevelLabels } from "@/lib/format/labels";
import type { EntityDefinition } from "../definition";
import type { FieldSpec } from "../form-values";
import { asIdStrings, idList, markdown, optionalId, requiredText, str } from "../schema-helpers";
import { vocabularyOptions } from "./options";

const fields: FieldSpec[] = [
  { key: "title", label: "Titre", kind: "text", required: true },
  { key: "body", label: "Enseignement", kind: "markdown", required: true },
  { key: "evidenceLevel", label: "Niveau de preuve", kind: "select", options: "evidenceLevels", required: true },
  { key: "source", label: "Source", kind: "select", options: "sources" },
  { key: "initiatives", label: "Initiatives", kind: "checkboxes", options: "initiatives" },
  { key: "themes", label: "Thèmes", kind: "checkboxes", options: "themes" },
  { key: "approaches", label: "Approches", kind: "checkboxes", options: "approaches" },
];

const schema = z.object({
  title: requiredText("Le titre", 3, 200),
  body: markdown("L'enseignement").pipe(z.string().min(10, "L'enseignement doit contenir au moins 10 caractères.")),
  evidenceLevel: z.enum(EvidenceLevel, "Choisissez un niveau de preuve."),
  source: optionalId,
  initiatives: idList,
  themes: idList,
  approaches: idList,
});

type Input = z.infer<typeof schema>;

const scalars = (input: Input) => ({ title: input.title, body: input.body, evidenceLevel: input.evidenceLevel, sourceId: input.source });
const relations = (input: Input) => ({
  initiatives: { create: input.initiatives.map((initiativeId) => ({ initiativeId })) },
  themes: { create: input.themes.map((themeId) => ({ themeId })) },
  approaches: { create: input.approaches.map((approachId) => ({ approachId })) },
});

export const lessonDefinition: EntityDefinition<Input> = {
  type: "LESSON",
  model: "lesson",
  titleField: "title",
  workflow: true,
  verifiable: false,
  path: "enseignements",
  label: { one: "enseignement", many: "Enseignements", a: "un enseignement", new: "Nouvel enseignement" },
  editRole: "CONTRIBUTOR",
  fields,
  schema,
  publicPath: () => null,
  async options(db) {
    const [vocabularies, sources, initiatives] = await Promise.all([
      vocabularyOptions(db),
      db.source.findMany({ where: { deletedAt: null }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
      db.initiative.findMany({ where: { deletedAt: null }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
    ]);
    return {
      ...vocabularies,
      evidenceLevels: Object.entries(evidenceLevelLabels).map(([value, label]) => ({ value, label })),
      sources: sources.map((s) => ({ value: String(s.id), label: s.title })),
      initiatives: initiatives.map((i) => ({ value: String(i.id), label: i.title })),
    };
  },
  async values(db, id) {
    const row = await db.lesson.findUnique({ where: { id }, include: { initiatives: true, themes: true, approaches: true } });
    if (!row) return null;
    return {
      title: row.title,
      body: row.body,
      evidenceLevel: row.evidenceLevel,
      source: str(row.sourceId),
      initiatives: asIdStrings(row.initiatives.map((r) => r.initiativeId)),
      themes: asIdStrings(row.themes.map((r) => r.themeId)),
      approaches: asIdStrings(row.approaches.map((r) => r.approachId)),
    };
  },
  async create(tx, input, slug) {
    return (await tx.lesson.create({ data: { slug, ...scalars(input), ...relations(input) } })).id;
  },
  async update(tx, id, input) {
    const where = { lessonId: id };
    await tx.lessonInitiative.deleteMany({ where });
    await tx.lessonTheme.deleteMany({ where });
    await tx.lessonApproach.deleteMany({ where });
    await tx.lesson.update({ where: { id }, data: { ...scalars(input), ...relations(input) } });
  },
};
