import { deleteSubscriptionsOf, listSubscriptionsOf } from "@/lib/subscriptions/subscriptions";
import type { PersonalDataHolder } from "../holder";

const iso = (date: Date | null) => date?.toISOString() ?? null;
const lists = { INITIATIVES: "Initiatives", LESSONS: "Enseignements" } as const;

/** Followed selections (« Suivre cette sélection », ADR 017): deleted with their tokens. */
export const subscriptionsHolder: PersonalDataHolder = {
  key: "subscriptions",
  label: "Sélections suivies par e-mail",
  purpose:
    "Envoyer le résumé hebdomadaire des nouveautés d'une sélection ; une demande non confirmée est supprimée après 48 heures, un abonnement confirmé au désabonnement (ADR 017).",
  async find(db, email) {
    const rows = await listSubscriptionsOf(db, email);
    return rows.map((row) => ({
      ref: `Abonnement n° ${row.id}`,
      data: {
        "E-mail": row.email,
        Liste: lists[row.list],
        Filtres: row.filter,
        "Demandé le": iso(row.createdAt),
        "Confirmé le": iso(row.confirmedAt),
        "Dernier résumé jusqu'au": iso(row.digestedUntil),
      },
    }));
  },
  async erase(db, email) {
    return { erased: await deleteSubscriptionsOf(db, email), left: [] };
  },
};
