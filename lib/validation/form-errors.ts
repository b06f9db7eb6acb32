import type { z } from "zod";

/** The summary above a form whose fields do not parse, wherever they are checked. */
export const INVALID_FORM_MESSAGE = "Le formulaire contient des erreurs : corrigez les champs signalés. Rien n'a été enregistré.";

export type FieldErrors = Record<string, string[]>;

/** One list of messages per field; an issue without a path belongs to the whole form (`_form`). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
