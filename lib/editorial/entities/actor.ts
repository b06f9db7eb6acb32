import { z } from "zod";
import { ActorKind } from "@/lib/db/generated/enums";
import { actorKindLabels } from "@/lib/format/labels";
import type { EntityDefinition } from "../definition";
import type { FieldSpec } from "../form-values";
import { markdown, optionalHttpUrl, optionalText, requiredText, str, territoryCodes } from "../schema-helpers";

const fields: FieldSpec[] = [
  { key: "name", label: "Nom", kind: "text", required: true },
  { key: "acronym", label: "Sigle", kind: "text" },
  { key: "kind", label: "Type d'acteur", kind: "select", options: "actorKinds", required: true },
  { key: "description", label: "Description", kind: "markdown" },
  { key: "website", label: "Site web", kind: "url", hint: "Adresse complète, ex. https://exemple.fr" },
  { key: "territory", label: "Territoire d'implantation", kind: "territories", max: 1 },
];

const schema = z.object({
  name: requiredText("Le nom", 2, 200),
  acronym: optionalText("Le sigle", 40),
  kind: z.enum(ActorKind, "Choisissez un type d'acteur."),
  description: markdown("La description"),
  website: optionalHttpUrl("Le site web"),
  territory: territoryCodes(1),
});

type Input = z.infer<typeof schema>;

const data = ({ territory, ...rest }: Input) => ({ ...rest, territoryCode: territory[0] ?? null });

export const actorDefinition: EntityDefinition<Input> = {
  type: "ACTOR",
  model: "actor",
  titleField: "name",
  workflow: true,
  verifiable: true,
  path: "acteurs",
  label: { one: "acteur", many: "Acteurs", a: "un acteur", new: "Nouvel acteur" },
  editRole: "CONTRIBUTOR",
  fields,
  schema,
  publicPath: () => null,
  async options() {
    return { actorKinds: Object.entries(actorKindLabels).map(([value, label]) => ({ value, label })) };
  },
  async values(db, id) {
    const row = await db.actor.findUnique({ where: { id } });
    if (!row) return null;
    return {
      name: row.name,
      acronym: str(row.acronym),
      kind: row.kind,
      description: row.description,
      website: str(row.website),
      territory: row.territoryCode ? [row.territoryCode] : [],
    };
  },
  async create(tx, input, slug) {
    return (await tx.actor.create({ data: { slug, ...data(input) } })).id;
  },
  async update(tx, id, input) {
    await tx.actor.update({ where: { id }, data: data(input) });
  },
  async blockingLinks(db, id) {
    const links = await db.initiativeActor.findMany({
      where: { actorId: id, initiative: { status: "PUBLISHED", deletedAt: null } },
      select: { initiative: { select: { title: true } } },
    });
    return [...new Set(links.map((link) => `Initiative publiée : ${link.initiative.title}`))];
  },
};
