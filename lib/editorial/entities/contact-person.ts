import { z } from "zod";
import type { FieldSpec } from "../form-values";
import { optionalEmail, optionalPhone, optionalText, str } from "../schema-helpers";

/**
 * The named contact person of an actor or an initiative: the same fields, checks and consent
 * flag on both (personal data, public only with consent: lib/public/contact.ts).
 */
export function contactPersonFields(group: string, consentHint: string): FieldSpec[] {
  return [
    { key: "contactName", label: "Nom de la personne à contacter", kind: "text", group },
    { key: "contactRole", label: "Fonction", kind: "text", group },
    { key: "contactEmail", label: "E-mail de la personne", kind: "email", group },
    { key: "contactPhone", label: "Téléphone de la personne", kind: "tel", group },
    {
      key: "contactConsent",
      label: "La personne a donné son accord pour être affichée publiquement",
      kind: "checkbox",
      hint: consentHint,
      group,
    },
  ];
}

export const contactPersonShape = {
  contactName: optionalText("Le nom de la personne à contacter", 200),
  contactRole: optionalText("La fonction", 200),
  contactEmail: optionalEmail("L'e-mail de la personne"),
  contactPhone: optionalPhone("Le téléphone de la personne"),
  contactConsent: z.boolean(),
};

export function contactPersonValues(row: {
  contactName: string | null;
  contactRole: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactConsent: boolean;
}) {
  return {
    contactName: str(row.contactName),
    contactRole: str(row.contactRole),
    contactEmail: str(row.contactEmail),
    contactPhone: str(row.contactPhone),
    contactConsent: row.contactConsent,
  };
}
