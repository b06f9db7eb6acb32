import { z } from "zod";

// C0 controls and DEL, except tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const controlCharacterMessage = (label: string) =>
  `${label} contient un caractère invisible non autorisé (un caractère de contrôle, souvent venu d'un copier-coller) : retirez-le.`;

/**
 * Text typed into a form (or read from an imported file), the one entry for every text field. PostgreSQL
 * refuses NUL in text and in JSON (the revision snapshots), so it used to be a 500 on save; the
 * other control characters have no place in prose either. They are refused with a field error
 * rather than silently removed, so that what is saved is what the person saw. Single-line
 * fields turn tabs and line breaks (pasted text) into spaces; multi-line ones keep them.
 */
export function formText(label: string, options: { multiline?: boolean; required?: string } = {}) {
  const base = z.string(options.required ? { error: options.required } : undefined);
  return (options.multiline ? base : base.overwrite((value) => value.replace(/[\t\n\r]/g, " "))).refine((value) => !CONTROL.test(value), {
    error: controlCharacterMessage(label),
    abort: true,
  });
}

/** A list typed one entry per line (terms, aliases): trimmed, blank lines dropped, each entry once. */
export function formLines(label: string, options: { maxLength: number; tooLong: string }) {
  return formText(label, { multiline: true })
    .max(options.maxLength, options.tooLong)
    .transform((text) => [
      ...new Set(
        text
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ]);
}
