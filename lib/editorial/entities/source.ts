import { z } from "zod";
import { SourceKind } from "@/lib/db/generated/enums";
import { sourceKindLabels } from "@/lib/format/labels";
import type { EntityDefinition } from "../definition";
import type { FieldSpec } from "../form-values";
import { isoDay, markdown, optionalDate, optionalHttpUrl, optionalId, requiredText, str } from "../schema-helpers";

const fields: FieldSpec[] = [
  { key: "kind", label: "Type", kind: "select", options: "sourceKinds", required: true },
  { key: "title", label: "Titre", kind: "text", required: true },
  { key: "description", label: "Description", kind: "markdown" },
  { key: "date", label: "Date", kind: "date", hint: "Jour de l'événement, ou date de publication du document." },
  { key: "url", label: "Adresse web", kind: "url", hint: "Adresse complète, ex. https://exemple.fr/document.pdf" },
  {
    key: "event",
    label: "Événement d'origine",
    kind: "select",
    options: "events",
    hint: "Pour un document issu d'un événement (synthèse d'une journée).",
  },
];

const schema = z.object({
  kind: z.enum(SourceKind, "Choisissez un type."),
  title: requiredText("Le titre", 3, 300),
  description: markdown("La description"),
  date: optionalDate("La date"),
  url: optionalHttpUrl("L'adresse web"),
  event: optionalId,
});

type Input = z.infer<typeof schema>;

const data = ({ event, ...rest }: Input) => ({ ...rest, eventId: event });

export const sourceDefinition: EntityDefinition<Input> = {
  type: "SOURCE",
  model: "source",
  titleField: "title",
  workflow: true,
  verifiable: false,
  path: "sources",
  label: { one: "source", many: "Sources et documents", a: "une source", new: "Nouvelle source" },
  editRole: "CONTRIBUTOR",
  fields,
  schema,
  publicPath: () => null,
  async options(db) {
    const events = await db.source.findMany({
      where: { kind: "EVENT", deletedAt: null },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    });
    return {
      sourceKinds: Object.entries(sourceKindLabels).map(([value, label]) => ({ value, label })),
      events: events.map((e) => ({ value: String(e.id), label: e.title })),
    };
  },
  async values(db, id) {
    const row = await db.source.findUnique({ where: { id } });
    if (!row) return null;
    return {
      kind: row.kind,
      title: row.title,
      description: row.description,
      date: isoDay(row.date),
      url: str(row.url),
      event: str(row.eventId),
    };
  },
  async create(tx, input, slug) {
    return (await tx.source.create({ data: { slug, ...data(input) } })).id;
  },
  async update(tx, id, input) {
    await tx.source.update({ where: { id }, data: data(input) });
  },
  async blockingLinks(db, id) {
    const [lessons, initiatives] = await Promise.all([
      db.lesson.findMany({ where: { sourceId: id, status: "PUBLISHED", deletedAt: null }, select: { title: true } }),
      db.initiativeSource.findMany({
        where: { sourceId: id, initiative: { status: "PUBLISHED", deletedAt: null } },
        select: { initiative: { select: { title: true } } },
      }),
    ]);
    return [
      ...lessons.map((l) => `Enseignement publié : ${l.title}`),
      ...initiatives.map((i) => `Initiative publiée : ${i.initiative.title}`),
    ];
  },
};
