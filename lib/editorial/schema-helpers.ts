import { z } from "zod";
import { formText } from "@/lib/validation/text";

/** Zod pieces shared by the entity schemas, with French messages. */
export const requiredText = (label: string, min: number, max: number) =>
  formText(label, { required: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .min(min, `${label} doit contenir au moins ${min} caractères.`)
    .max(max, `${label} ne peut pas dépasser ${max} caractères.`);

export const optionalText = (label: string, max: number) =>
  formText(label)
    .trim()
    .max(max, `${label} ne peut pas dépasser ${max} caractères.`)
    .transform((value) => (value === "" ? null : value));

export const markdown = (label: string, max = 50_000) =>
  formText(label, { multiline: true })
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(max, `${label} ne peut pas dépasser ${max.toLocaleString("fr-FR")} caractères.`));

/** Only http(s) addresses: no javascript:, data: or relative links in a stored URL. */
export const optionalHttpUrl = (label: string) =>
  formText(label)
    .trim()
    .max(500, `${label} ne peut pas dépasser 500 caractères.`)
    .refine((value) => {
      if (value === "") return true;
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, `${label} doit être une adresse web complète commençant par https:// (ou http://).`)
    .transform((value) => (value === "" ? null : value));

export const optionalEmail = (label: string) =>
  z
    .string()
    .trim()
    .max(320)
    .refine((value) => value === "" || z.email().safeParse(value).success, `${label} n'est pas une adresse e-mail valide.`)
    .transform((value) => (value === "" ? null : value.toLowerCase()));

export const optionalYear = (label: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => value === "" || (/^\d{4}$/.test(value) && Number(value) >= 1945 && Number(value) <= 2100),
      `${label} doit être une année sur quatre chiffres (ex. 2023).`,
    )
    .transform((value) => (value === "" ? null : Number(value)));

export const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))),
      `${label} doit être une date (jj/mm/aaaa).`,
    )
    .transform((value) => (value === "" ? null : new Date(`${value}T00:00:00Z`)));

export const idList = z
  .array(z.string().regex(/^\d{1,9}$/, "Sélection invalide."))
  .max(500)
  .transform((ids) => [...new Set(ids.map(Number))]);

export const optionalId = z
  .string()
  .trim()
  .refine((value) => value === "" || /^\d{1,9}$/.test(value), "Sélection invalide.")
  .transform((value) => (value === "" ? null : Number(value)));

export const territoryCodes = (max = 200) =>
  z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z_-]{1,64}$/, "Territoire invalide."),
    )
    .max(max, max === 1 ? "Choisissez un seul territoire." : `Au plus ${max} territoires.`)
    .transform((codes) => [...new Set(codes)]);

export const position = z
  .string()
  .trim()
  .refine((value) => value === "" || /^-?\d{1,6}$/.test(value), "L'ordre doit être un nombre entier.")
  .transform((value) => (value === "" ? 0 : Number(value)));

const ids = (values: number[]) => values.map(String);
export const asIdStrings = ids;
export const str = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));
export const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** A phone number as people write it: digits, spaces, dots, dashes, brackets and a leading +. */
export const optionalPhone = (label: string) =>
  z
    .string()
    .trim()
    .max(40, `${label} ne peut pas dépasser 40 caractères.`)
    .refine(
      (value) => value === "" || /^\+?[0-9][0-9 .()-]{1,38}$/.test(value),
      `${label} ne peut contenir que des chiffres, des espaces, des points, des tirets et un + initial (ex. 03 20 00 00 00).`,
    )
    .transform((value) => (value === "" ? null : value));
