import type { FieldSpec, FormValue, FormValues } from "./form-values";

export interface FieldChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** Resolves an id or code to what people read; unknown ones stay as they are. */
export type Labeller = (field: FieldSpec, value: string) => string;

function canonical(value: FormValue | undefined): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) {
    return JSON.stringify(value.map((item) => (typeof item === "string" ? item : JSON.stringify(item, Object.keys(item).sort()))).sort());
  }
  return typeof value === "string" ? value.replace(/\r\n/g, "\n").trim() : String(value);
}

export function display(field: FieldSpec, value: FormValue | undefined, label: Labeller): string {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "string") return field.kind === "select" ? label(field, value) : value;
  return value
    .map((item) =>
      typeof item === "string"
        ? label(field, item)
        : `${label(field, item.actorId ?? "")} (${label({ ...field, options: "actorRoles" }, item.role ?? "")})`,
    )
    .join(" ; ");
}

/** Field-by-field differences between two snapshots, in the order of the form. */
export function diffValues(fields: FieldSpec[], before: FormValues, after: FormValues, label: Labeller): FieldChange[] {
  return fields
    .filter((field) => canonical(before[field.key]) !== canonical(after[field.key]))
    .map((field) => ({
      key: field.key,
      label: field.label,
      before: display(field, before[field.key], label),
      after: display(field, after[field.key], label),
    }));
}
