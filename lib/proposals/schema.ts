import { z } from "zod";
import { idList, territoryCodes } from "@/lib/editorial/schema-helpers";
import { formText } from "@/lib/validation/text";

/**
 * What a visitor may send without an account (« Proposer une initiative », « Signaler une
 * correction »): one zod schema per form, read by the form (field names, limits, labels) and by
 * its action. No database import: the form's client component reads it too.
 */

/** The honeypot: hidden from people (and from screen readers), filled by form-filling robots. */
export const HONEYPOT_FIELD = "remarque";

/** Labels of the fields, for the error summary's links and the fields themselves. */
export const proposalLabels = {
  title: "Nom de l'initiative",
  body: "Description",
  territories: "Lieux de l'initiative",
  approaches: "Approches",
  carrier: "Qui la porte",
  proposerName: "Votre nom",
  proposerEmail: "Votre adresse e-mail",
  proposerRole: "Votre fonction ou votre structure",
  contactConsent: "J'accepte que l'IREV me contacte au sujet de cette proposition",
  publicContactConsent: "J'accepte d'être indiqué·e comme contact public de l'initiative si elle est publiée",
} as const;

export const correctionLabels = {
  body: "Votre message",
  proposerName: proposalLabels.proposerName,
  proposerEmail: proposalLabels.proposerEmail,
  proposerRole: proposalLabels.proposerRole,
  contactConsent: "J'accepte que l'IREV me contacte au sujet de ce message",
} as const;

/** Largest length of each text field: the form's maxlength and the schema's limit. */
export const PROPOSAL_LIMITS = {
  title: 200,
  body: 5000,
  carrier: 300,
  proposerName: 120,
  proposerEmail: 254,
  proposerRole: 200,
  places: 10,
  approaches: 20,
} as const;

const LINK = /\bhttps?:\/\/|\bwww\./gi;

/** How many web addresses a text holds (the spam of contact forms is mostly links). */
export function linkCount(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

function visitorText(label: string, options: { min: number; max: number; maxLinks: number; multiline?: boolean; required: boolean }) {
  const { min, max, maxLinks } = options;
  const required = `${label} est obligatoire.`;
  return formText(label, { multiline: options.multiline, required })
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(
      z
        .string()
        .refine((value) => !options.required || value.length > 0, required)
        .refine((value) => value.length === 0 || value.length >= min, `${label} doit contenir au moins ${min} caractères.`)
        .refine((value) => value.length <= max, `${label} ne peut pas dépasser ${max.toLocaleString("fr-FR")} caractères.`)
        .refine(
          (value) => linkCount(value) <= maxLinks,
          maxLinks === 0
            ? `${label} ne peut pas contenir d'adresse web.`
            : `${label} contient trop d'adresses web (${maxLinks} au plus) : retirez-en.`,
        ),
    );
}

/** An optional field: left empty, or absent from the form, it is null. */
const optional = (schema: z.ZodType<string>) => schema.default("").transform((value) => (value === "" ? null : value));

/** An unticked box is absent from the form: only "on" is a consent. */
const consent = z
  .string()
  .optional()
  .transform((value) => value === "on");

const proposer = {
  proposerName: visitorText("Votre nom", { min: 2, max: PROPOSAL_LIMITS.proposerName, maxLinks: 0, required: true }),
  proposerEmail: z
    .string({ error: "Votre adresse e-mail est obligatoire." })
    .trim()
    .min(1, "Votre adresse e-mail est obligatoire.")
    .max(PROPOSAL_LIMITS.proposerEmail, "Votre adresse e-mail est trop longue.")
    .pipe(z.email("Votre adresse e-mail n'est pas valide (ex. prenom.nom@exemple.fr)."))
    .transform((value) => value.toLowerCase()),
  proposerRole: optional(visitorText("Votre fonction", { min: 2, max: PROPOSAL_LIMITS.proposerRole, maxLinks: 0, required: false })),
  contactConsent: consent,
  // Anything in it is a robot's; its content is never stored.
  [HONEYPOT_FIELD]: z.string().catch(""),
};

export const proposalSchema = z.object({
  title: visitorText("Le nom de l'initiative", { min: 3, max: PROPOSAL_LIMITS.title, maxLinks: 0, required: true }),
  body: visitorText("La description", { min: 20, max: PROPOSAL_LIMITS.body, maxLinks: 3, multiline: true, required: true }),
  territories: z
    .array(z.string(), { error: "Choisissez au moins un lieu." })
    .pipe(territoryCodes(PROPOSAL_LIMITS.places))
    .refine((codes) => codes.length > 0, "Choisissez au moins un lieu (une commune, un quartier, une intercommunalité…)."),
  approaches: z
    .array(z.string())
    .pipe(idList)
    .refine((ids) => ids.length <= PROPOSAL_LIMITS.approaches, "Trop d'approches cochées."),
  carrier: optional(visitorText("Qui la porte", { min: 2, max: PROPOSAL_LIMITS.carrier, maxLinks: 1, required: false })),
  ...proposer,
  publicContactConsent: consent,
});

export type ProposalInput = z.infer<typeof proposalSchema>;

/** The kinds of public entry a visitor may send a correction about. */
export const CORRECTION_ENTRY_KINDS = ["initiative", "actor", "lesson"] as const;
export type CorrectionEntryKind = (typeof CORRECTION_ENTRY_KINDS)[number];

const UNKNOWN_ENTRY = "Fiche inconnue : rechargez la page.";

/** One entry by construction: its kind and its slug, hidden fields of its page. */
export const correctionSchema = z.object({
  entry: z.enum(CORRECTION_ENTRY_KINDS, { error: UNKNOWN_ENTRY }),
  slug: z
    .string({ error: UNKNOWN_ENTRY })
    .trim()
    .max(200)
    .regex(/^[a-z0-9-]+$/, UNKNOWN_ENTRY),
  body: visitorText("Votre message", { min: 10, max: PROPOSAL_LIMITS.body, maxLinks: 3, multiline: true, required: true }),
  ...proposer,
});

export type CorrectionInput = z.infer<typeof correctionSchema>;

/**
 * The form as the schema reads it: one value per name, except the lists (territories and
 * approaches), which Object.fromEntries would cut to their last value.
 */
export function proposalFormFields(formData: FormData): Record<string, unknown> {
  return {
    ...Object.fromEntries(formData),
    territories: formData.getAll("territories").map(String),
    approaches: formData.getAll("approaches").map(String),
  };
}
