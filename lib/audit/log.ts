import type { Database } from "@/lib/db/connect";
import type { EntityType, Prisma } from "@/lib/db/generated/client";

type Writer = Pick<Database, "auditEvent"> | Prisma.TransactionClient;

export interface AuditEntry {
  userId?: number | null;
  action: string;
  entityType?: EntityType | null;
  entityId?: string | number | null;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
}

/** Appends one event (the table refuses updates and deletes: see the audit_log_append_only migration). */
export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      userId: entry.userId ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      details: entry.details,
      ip: entry.ip ?? null,
    },
  });
}

/** French labels of the actions, for the journal page. */
export const auditActionLabels: Record<string, string> = {
  "auth.sign_in": "Connexion",
  "auth.sign_in_failed": "Échec de connexion",
  "auth.locked": "Connexion bloquée (trop de tentatives)",
  "auth.sign_out": "Déconnexion",
  "auth.password_changed": "Mot de passe changé",
  "auth.totp_enabled": "Double authentification activée",
  "auth.totp_disabled": "Double authentification désactivée",
  "auth.totp_replaced": "Double authentification remplacée (nouvelle application)",
  "auth.credential_check_failed": "Mot de passe ou code incorrect (modification du compte)",
  "auth.recovery_code_used": "Code de secours utilisé",
  "user.created": "Compte créé",
  "user.updated": "Compte modifié",
  "user.disabled": "Compte désactivé",
  "user.enabled": "Compte réactivé",
  "user.password_reset": "Lien de réinitialisation créé",
  "user.mail_preferences_changed": "Choix des messages reçus modifié",
  "personal_data.exported": "Données personnelles d'une personne exportées",
  "personal_data.erased": "Données personnelles d'une personne effacées",
  "mail.resent": "Courriel en échec renvoyé",
  "mail.dropped": "Courriel en échec abandonné",
  "user.password_reset_requested": "Réinitialisation du mot de passe demandée (mot de passe oublié)",
  "entity.created": "Création",
  "entity.updated": "Modification",
  "entity.restored_revision": "Version restaurée",
  "entity.submitted": "Soumis en relecture",
  "entity.published": "Publication",
  "entity.returned": "Renvoyé en brouillon",
  "entity.archived": "Archivage",
  "entity.verified": "Vérifié",
  "entity.trashed": "Mis à la corbeille",
  "entity.untrashed": "Restauré de la corbeille",
  "entity.purged": "Supprimé définitivement",
  "file.uploaded": "Fichier déposé",
  "synonym.created": "Synonymes ajoutés",
  "synonym.updated": "Synonymes modifiés",
  "synonym.deleted": "Synonymes retirés",
  "proposal.received": "Proposition reçue",
  "proposal.assigned": "Proposition attribuée",
  "proposal.accepted": "Proposition acceptée",
  "proposal.declined": "Proposition déclinée",
  "import.template_saved": "Modèle d'import enregistré",
  "import.completed": "Import de tableur",
};
