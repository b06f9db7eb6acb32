import { CORRECTION_ENTRY_INCLUDE, correctionEntry, entryPublicPath, type CorrectionEntry } from "@/lib/proposals/entries";
import { proposalKindLabels, proposalStatusLabels } from "@/lib/proposals/labels";
import type { PersonalDataHolder } from "../holder";

const iso = (date: Date | null) => date?.toISOString() ?? null;

const entryText = (entry: CorrectionEntry | null) => entry && `${entry.title} (${entryPublicPath(entry)})`;

/** What visitors sent from /proposer and « Signaler une correction » (ADR 013): deleted outright. */
export const proposalsHolder: PersonalDataHolder = {
  key: "proposals",
  label: "Propositions et corrections envoyées",
  purpose:
    "Modérer ce que la personne a envoyé et lui répondre ; supprimé 12 mois après la décision (ADR 013). Le journal ne garde que le numéro de la proposition.",
  async find(db, email) {
    const rows = await db.proposal.findMany({
      where: { proposerEmail: { equals: email, mode: "insensitive" } },
      orderBy: { createdAt: "asc" },
      include: { ...CORRECTION_ENTRY_INCLUDE, createdInitiative: { select: { title: true } } },
    });
    return rows.map((row) => ({
      ref: `Proposition n° ${row.id}`,
      href: `/admin/propositions/${row.id}`,
      data: {
        Type: proposalKindLabels[row.kind],
        État: proposalStatusLabels[row.status],
        "Reçue le": iso(row.createdAt),
        Nom: row.proposerName,
        "E-mail": row.proposerEmail,
        Fonction: row.proposerRole,
        "Accord pour être contacté (date)": iso(row.contactConsentAt),
        "Accord pour être le contact public (date)": iso(row.publicContactConsentAt),
        Titre: row.title,
        Texte: row.body,
        Porteur: row.carrier,
        "Territoires (codes)": row.territoryCodes,
        "Fiche concernée": entryText(correctionEntry(row)),
        "Fiche créée": row.createdInitiative?.title ?? null,
        "Réponse de l'équipe": row.decisionMessage,
        "Décidée le": iso(row.decidedAt),
      },
    }));
  },
  async erase(db, email) {
    // The drafts made from them stay (they are the staff's work); the link to the proposal goes.
    const { count } = await db.proposal.deleteMany({ where: { proposerEmail: { equals: email, mode: "insensitive" } } });
    return { erased: count, left: [] };
  },
};
