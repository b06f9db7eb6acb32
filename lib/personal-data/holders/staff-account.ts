import { roleLabels } from "@/lib/auth/roles";
import type { PersonalDataHolder } from "../holder";

/**
 * A staff account with this address. Not erased from here: its journal entries and the
 * authorship of entries point to it. An admin disables it, and renames it if asked, on its page.
 */
export const staffAccountHolder: PersonalDataHolder = {
  key: "staffAccount",
  label: "Compte de l'espace équipe",
  purpose: "Se connecter à l'espace équipe ; le journal et l'historique des fiches y renvoient.",
  notErased:
    "Un compte de l'équipe n'est pas effacé d'ici : le journal et l'historique des fiches y renvoient. Désactivez-le (et renommez-le si la personne le demande) depuis sa page dans « Utilisateurs ».",
  async find(db, email) {
    const user = await db.user.findFirst({
      where: { email: { equals: email, mode: "insensitive" } },
      select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true, lastLoginAt: true, mailOptOuts: true },
    });
    if (!user) return [];
    return [
      {
        ref: `Compte « ${user.name} »`,
        href: `/admin/utilisateurs/${user.id}`,
        data: {
          Nom: user.name,
          "E-mail": user.email,
          Rôle: roleLabels[user.role],
          Désactivé: user.disabled,
          "Créé le": user.createdAt.toISOString(),
          "Dernière connexion": user.lastLoginAt?.toISOString() ?? null,
          "Messages refusés": user.mailOptOuts,
        },
      },
    ];
  },
};
