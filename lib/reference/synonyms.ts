/**
 * The starting set of field synonyms (SearchSynonym): only equivalences the project's sources
 * state (../shared/data/domain.md, IREV's synthesis of December 2023). Staff add the others in
 * the back office (« aller-vers », « maraude », « médiation »…: no source of the project defines
 * them as equivalent, so none is shipped). `key` identifies a group across reloads.
 */
export interface SynonymGroup {
  key: string;
  terms: string[];
  source: string;
}

export const synonymGroups: SynonymGroup[] = [
  {
    key: "testing",
    terms: ["testing", "test de situation"],
    source: "Approche « Testing et tests de situation » du vocabulaire de Repères (pratiques décrites par l'IREV).",
  },
  {
    key: "lcd",
    terms: ["LCD", "lutte contre les discriminations"],
    source:
      "IREV, synthèse « Lutte contre les discriminations et pouvoir d'agir des habitants » (janvier 2024), publiée sous le nom synthese_lcd.",
  },
  {
    key: "qpv",
    terms: ["QPV", "quartier prioritaire", "quartier prioritaire de la politique de la ville"],
    source: "Décret n° 2023-1314 fixant la liste des quartiers prioritaires de la politique de la ville (QPV).",
  },
  {
    key: "contrat-de-ville",
    terms: ["contrat de ville", "Engagements Quartiers 2030"],
    source: "Circulaire du 31 août 2023 : les contrats de ville 2024-2030, « Engagements Quartiers 2030 ».",
  },
  {
    key: "kif-kif",
    terms: ["Kif Kif", "KifKif"],
    source: "Collectif Kif Kif (écrit aussi KifKif), Lille : présentation du collectif par l'IREV.",
  },
];
