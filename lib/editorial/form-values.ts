import { z } from "zod";
import { cleanSearchText } from "@/lib/format/search-text";
/**
 * What a form shows and sends, field by field, as plain strings (ids and codes included). The
 * same shape is stored as a revision's snapshot, so that restoring a revision is submitting it.
 */
export type FormValue = string | boolean | string[] | Array<Record<string, string>>;
export type FormValues = Record<string, FormValue>;

export type FieldKind =
  | "text"
  | "url"
  | "email"
  | "tel"
  | "number"
  | "date"
  | "markdown"
  | "textarea"
  | "checkbox"
  | "select"
  | "checkboxes"
  | "territories"
  | "actorRoles";

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  /** For select and checkboxes: the key of the options list the page loads. */
  options?: string;
  /** territories: how many may be picked. */
  max?: number;
  /** Fields grouped under one heading in the form. */
  group?: string;
}

export interface Option {
  value: string;
  label: string;
}

export type OptionLists = Record<string, Option[]>;

/** Reads a submitted form into FormValues, following the field list. */
export function readFormValues(formData: FormData, fields: FieldSpec[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    switch (field.kind) {
      case "checkbox":
        values[field.key] = formData.get(field.key) === "on" || formData.get(field.key) === "true";
        break;
      case "checkboxes":
      case "territories":
        values[field.key] = formData.getAll(field.key).map(String);
        break;
      case "actorRoles": {
        const rows: Array<Record<string, string>> = [];
        const actorIds = formData.getAll(`${field.key}.actorId`).map(String);
        const roles = formData.getAll(`${field.key}.role`).map(String);
        actorIds.forEach((actorId, index) => {
          if (actorId) rows.push({ actorId, role: roles[index] ?? "" });
        });
        values[field.key] = rows;
        break;
      }
      default: {
        const raw = formData.get(field.key);
        values[field.key] = typeof raw === "string" ? raw : "";
      }
    }
  }
  return values;
}

export function emptyValues(fields: FieldSpec[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    values[field.key] =
      field.kind === "checkbox"
        ? false
        : field.kind === "checkboxes" || field.kind === "territories" || field.kind === "actorRoles"
          ? []
          : "";
  }
  return values;
}

/** `titre` of a « new » form's URL (« Créer une initiative » from /admin/recherches): cleaned, cut, never an error. */
const prefilledTitleSchema = z
  .preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z.string().transform((value) => cleanSearchText(value, 200)),
  )
  .catch("");

/** The empty values of a new record, its title taken from the URL when the entity has one. */
export function newRecordValues(fields: FieldSpec[], params: Record<string, string | string[] | undefined>): FormValues {
  const values = emptyValues(fields);
  const title = prefilledTitleSchema.parse(params.titre);
  if (title && "title" in values) values.title = title;
  return values;
}
