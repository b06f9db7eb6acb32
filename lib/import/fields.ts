/**
 * What a spreadsheet column can be mapped to: the initiative's fields an import fills, and the
 * external identifier, and the mapping form's schema.
 */
import { z } from "zod";
import type { ActorRole } from "@/lib/db/generated/enums";
import { initiativeDefinition } from "@/lib/editorial/entities/initiative";
import { actorRoleLabels } from "@/lib/format/labels";
import { slugify } from "@/lib/format/fold";
import { VOCABULARIES, type VocabularyRelation } from "@/lib/vocabularies/registry";
import { recordId } from "@/lib/validation/integer";
import { formText } from "@/lib/validation/text";

export type ImportField =
  | { key: "externalId"; label: string; kind: "externalId" }
  | { key: string; label: string; kind: "text" | "year" | "boolean" }
  | { key: "territories"; label: string; kind: "places" }
  | { key: VocabularyRelation; label: string; kind: "vocabulary" }
  | { key: string; label: string; kind: "actors"; role: ActorRole };

const labelOf = (key: string) => initiativeDefinition.fields.find((field) => field.key === key)!.label;
const text = (key: string): ImportField => ({ key, label: labelOf(key), kind: "text" });

export const IMPORT_FIELDS: ImportField[] = [
  { key: "externalId", label: "Identifiant externe", kind: "externalId" },
  ...["title", "summary", "description", "objectives", "means", "funding", "results"].map(text),
  { key: "startYear", label: labelOf("startYear"), kind: "year" },
  { key: "endYear", label: labelOf("endYear"), kind: "year" },
  { key: "ongoing", label: labelOf("ongoing"), kind: "boolean" },
  { key: "territories", label: labelOf("territories"), kind: "places" },
  ...VOCABULARIES.map((v): ImportField => ({ key: v.relation, label: v.plural, kind: "vocabulary" })),
  ...(Object.keys(actorRoleLabels) as ActorRole[]).map((role): ImportField => ({
    key: `actors${role}`,
    label: `Acteurs : ${actorRoleLabels[role].toLowerCase()}s`,
    kind: "actors",
    role,
  })),
  text("website"),
];

export const importFieldByKey = new Map(IMPORT_FIELDS.map((field) => [field.key, field]));

/** Fields with one value per line: one column at most may feed each. */
export const isSingleValued = (field: ImportField) => !["places", "vocabulary", "actors"].includes(field.kind);

/** Several values in one cell: separated by semicolons, vertical bars or line breaks. */
export const splitList = (cell: string) =>
  cell
    .split(/[;|\n]+/)
    .map((value) => value.trim())
    .filter(Boolean);

/** The key a template is found by: the headers folded and sorted, so that their order does not matter. */
export const headerKeyOf = (headers: string[]) => headers.map(slugify).sort().join("|");

/** A first guess for a column without a template: the field whose label or key is its header. */
export function guessField(header: string): string {
  const key = slugify(header);
  const extra: Record<string, string> = { id: "externalId", identifiant: "externalId", nom: "title", "site-internet": "website" };
  return IMPORT_FIELDS.find((field) => slugify(field.label) === key || slugify(field.key) === key)?.key ?? extra[key] ?? "";
}

/** The mapping form: a template name and, column by column in the file's order, a field key or "" (ignored). */
export const mappingFormSchema = z
  .object({
    id: recordId,
    templateName: formText("Le nom du modèle")
      .trim()
      .pipe(
        z
          .string()
          .min(2, "Donnez un nom au modèle (2 caractères au moins).")
          .max(100, "Le nom du modèle ne peut pas dépasser 100 caractères."),
      ),
    columns: z.array(z.string().refine((key) => key === "" || importFieldByKey.has(key), "Champ inconnu.")).max(200),
  })
  .superRefine((input, context) => {
    const used = input.columns.filter(Boolean);
    const count = (key: string) => used.filter((one) => one === key).length;
    if (count("externalId") !== 1)
      context.addIssue({ code: "custom", path: ["columns"], message: "Choisissez une colonne, et une seule, pour l'identifiant externe." });
    if (count("title") !== 1)
      context.addIssue({ code: "custom", path: ["columns"], message: "Choisissez une colonne, et une seule, pour le titre." });
    if (count("summary") === 0 && count("description") === 0)
      context.addIssue({
        code: "custom",
        path: ["columns"],
        message: "Choisissez une colonne pour le résumé ou pour la description (le résumé est alors tiré de la description).",
      });
    for (const field of IMPORT_FIELDS.filter(isSingleValued)) {
      if (field.key !== "externalId" && field.key !== "title" && count(field.key) > 1)
        context.addIssue({ code: "custom", path: ["columns"], message: `« ${field.label} » ne peut recevoir qu'une colonne.` });
    }
  });

export const readMappingForm = (formData: FormData) => ({
  id: formData.get("id"),
  templateName: formData.get("templateName"),
  columns: formData.getAll("colonne"),
});

/** A saved mapping: column header → field key (ignored columns left out). */
export type Mapping = Record<string, string>;
export const storedMappingSchema = z.record(z.string(), z.string());
