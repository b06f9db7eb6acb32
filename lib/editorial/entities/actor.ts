import { z } from "zod";
import { ActorKind } from "@/lib/db/generated/enums";
import { actorKindLabels, formatDate } from "@/lib/format/labels";
import type { EntityDefinition } from "../definition";
import type { FieldSpec } from "../form-values";
import {
  markdown,
  optionalEmail,
  optionalHttpUrl,
  optionalPhone,
  optionalText,
  requiredText,
  str,
  territoryCodes,
} from "../schema-helpers";
import { contactPersonFields, contactPersonShape, contactPersonValues } from "./contact-person";

const fields: FieldSpec[] = [
  { key: "name", label: "Nom", kind: "text", required: true, group: "L'essentiel" },
  { key: "acronym", label: "Sigle", kind: "text", group: "L'essentiel" },
  { key: "kind", label: "Type d'acteur", kind: "select", options: "actorKinds", required: true, group: "L'essentiel" },
  { key: "description", label: "Description", kind: "markdown", group: "L'essentiel" },
  { key: "territory", label: "Territoire d'implantation", kind: "territories", max: 1, group: "Territoires" },
  {
    key: "areas",
    label: "Territoires d'intervention",
    kind: "territories",
    hint: "Là où l'acteur intervient (ex. la région pour une action régionale). Sans territoire d'intervention, son territoire d'implantation en tient lieu.",
    group: "Territoires",
  },
  {
    key: "address",
    label: "Adresse postale",
    kind: "textarea",
    hint: "Adresse publique de la structure.",
    group: "Coordonnées publiques de la structure",
  },
  {
    key: "phone",
    label: "Téléphone",
    kind: "tel",
    hint: "Standard ou ligne d'accueil, ex. 03 20 00 00 00",
    group: "Coordonnées publiques de la structure",
  },
  {
    key: "email",
    label: "E-mail",
    kind: "email",
    hint: "Adresse générique de la structure, ex. contact@exemple.fr",
    group: "Coordonnées publiques de la structure",
  },
  {
    key: "website",
    label: "Site web",
    kind: "url",
    hint: "Adresse complète, ex. https://exemple.fr",
    group: "Coordonnées publiques de la structure",
  },
  ...contactPersonFields(
    "Personne à contacter (donnée personnelle)",
    "Sans cet accord, la personne n'apparaît nulle part en public (pages, API, exports). La date et l'auteur de l'enregistrement sont conservés.",
  ),
];

const schema = z.object({
  name: requiredText("Le nom", 2, 200),
  acronym: optionalText("Le sigle", 40),
  kind: z.enum(ActorKind, "Choisissez un type d'acteur."),
  description: markdown("La description"),
  territory: territoryCodes(1),
  areas: territoryCodes(),
  address: optionalText("L'adresse postale", 300),
  phone: optionalPhone("Le téléphone"),
  email: optionalEmail("L'e-mail"),
  website: optionalHttpUrl("Le site web"),
  ...contactPersonShape,
});

type Input = z.infer<typeof schema>;

const data = ({ territory, areas: _areas, ...rest }: Input) => ({ ...rest, territoryCode: territory[0] ?? null });
const areas = (input: Input) => ({ create: input.areas.map((territoryCode) => ({ territoryCode })) });

/**
 * When and by whom the consent was recorded: stamped when it is given, again when the person
 * changes (a new person's consent), cleared when it is withdrawn.
 */
function consentStamp(
  input: Input,
  before: { contactConsent: boolean; contactName: string | null; contactEmail: string | null } | null,
  userId: number,
) {
  if (!input.contactConsent) return { contactConsentAt: null, contactConsentById: null };
  const samePerson = before?.contactConsent && before.contactName === input.contactName && before.contactEmail === input.contactEmail;
  return samePerson ? {} : { contactConsentAt: new Date(), contactConsentById: userId };
}

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
  publicPath: (slug) => `/acteurs/${slug}`,
  async options() {
    return { actorKinds: Object.entries(actorKindLabels).map(([value, label]) => ({ value, label })) };
  },
  async values(db, id) {
    const row = await db.actor.findUnique({
      where: { id },
      include: { areas: { select: { territoryCode: true }, orderBy: { territoryCode: "asc" } } },
    });
    if (!row) return null;
    return {
      name: row.name,
      acronym: str(row.acronym),
      kind: row.kind,
      description: row.description,
      territory: row.territoryCode ? [row.territoryCode] : [],
      areas: row.areas.map((area) => area.territoryCode),
      address: str(row.address),
      phone: str(row.phone),
      email: str(row.email),
      website: str(row.website),
      ...contactPersonValues(row),
    };
  },
  async create(tx, input, slug, userId) {
    return (await tx.actor.create({ data: { slug, ...data(input), ...consentStamp(input, null, userId), areas: areas(input) } })).id;
  },
  async update(tx, id, input, userId) {
    const before = await tx.actor.findUnique({ where: { id }, select: { contactConsent: true, contactName: true, contactEmail: true } });
    await tx.actorArea.deleteMany({ where: { actorId: id } });
    await tx.actor.update({ where: { id }, data: { ...data(input), ...consentStamp(input, before, userId), areas: areas(input) } });
  },
  async facts(db, id) {
    const row = await db.actor.findUnique({
      where: { id },
      select: { contactConsent: true, contactConsentAt: true, contactConsentBy: { select: { name: true, email: true } } },
    });
    if (!row) return [];
    const value =
      row.contactConsent && row.contactConsentAt
        ? `enregistré le ${formatDate(row.contactConsentAt)}${row.contactConsentBy ? ` par ${row.contactConsentBy.name || row.contactConsentBy.email}` : ""}`
        : "aucun : la personne à contacter n'est pas affichée";
    return [{ label: "Accord de la personne à contacter", value }];
  },
  async blockingLinks(db, id) {
    const links = await db.initiativeActor.findMany({
      where: { actorId: id, initiative: { status: "PUBLISHED", deletedAt: null } },
      select: { initiative: { select: { title: true } } },
    });
    return [...new Set(links.map((link) => `Initiative publiée : ${link.initiative.title}`))];
  },
};
