import { z } from "zod";
import { normaliseEmail } from "@/lib/auth/throttle";
import { HONEYPOT_FIELD } from "@/lib/proposals/schema";

/** One schema for « Suivre cette sélection »: the form's fields and its action's input. */
export const subscribeLabels = { email: "Votre adresse e-mail" } as const;

export const SUBSCRIBE_LIMITS = { email: 254, filter: 4000 } as const;

export const subscribeSchema = z.object({
  email: z
    .string("Indiquez votre adresse e-mail.")
    .trim()
    .min(1, "Indiquez votre adresse e-mail.")
    .max(SUBSCRIBE_LIMITS.email, `L'adresse e-mail ne peut pas dépasser ${SUBSCRIBE_LIMITS.email} caractères.`)
    .pipe(z.email("Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)."))
    .transform(normaliseEmail),
  liste: z.enum(["initiatives", "enseignements"], "Cette liste ne peut pas être suivie."),
  /** The list's query string as the page showed it; parsed again by the list's own parsing. */
  filtre: z.string().max(SUBSCRIBE_LIMITS.filter, "Cette sélection est trop longue pour être suivie.").catch(""),
  [HONEYPOT_FIELD]: z.string().max(1000).catch(""),
});
export type SubscribeInput = z.infer<typeof subscribeSchema>;
