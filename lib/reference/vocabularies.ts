/**
 * Controlled vocabularies of Repères (slug: French label). Sources: article 225-1 of the Code
 * pénal (in force since 1 September 2022) and loi 2008-496 for the criteria; IREV's thematic
 * tree for the themes; the practices described in IREV's syntheses for the approaches.
 * Slugs are part of public URLs (?approche=acces-au-droit): never rename one.
 */
export interface VocabularyEntry {
  slug: string;
  label: string;
}

export const discriminationCriteria: (VocabularyEntry & { legalBasis: string })[] = [
  ["origine", "Origine"],
  ["sexe", "Sexe"],
  ["situation-de-famille", "Situation de famille"],
  ["grossesse", "Grossesse"],
  ["apparence-physique", "Apparence physique"],
  ["vulnerabilite-economique", "Particulière vulnérabilité résultant de la situation économique"],
  ["patronyme", "Patronyme"],
  ["lieu-de-residence", "Lieu de résidence"],
  ["etat-de-sante", "État de santé"],
  ["perte-autonomie", "Perte d'autonomie"],
  ["handicap", "Handicap"],
  ["caracteristiques-genetiques", "Caractéristiques génétiques"],
  ["moeurs", "Mœurs"],
  ["orientation-sexuelle", "Orientation sexuelle"],
  ["identite-de-genre", "Identité de genre"],
  ["age", "Âge"],
  ["opinions-politiques", "Opinions politiques"],
  ["activites-syndicales", "Activités syndicales"],
  ["lanceur-alerte", "Qualité de lanceur d'alerte"],
  ["langue", "Capacité à s'exprimer dans une langue autre que le français"],
  ["ethnie", "Appartenance, vraie ou supposée, à une ethnie"],
  ["nation", "Appartenance, vraie ou supposée, à une nation"],
  ["pretendue-race", "Appartenance, vraie ou supposée, à une prétendue race"],
  ["religion", "Appartenance, vraie ou supposée, à une religion déterminée"],
  ["domiciliation-bancaire", "Domiciliation bancaire"],
  ["convictions", "Opinions philosophiques"],
].map(([slug, label]) => ({
  slug: slug!,
  label: label!,
  legalBasis: slug === "domiciliation-bancaire" ? "Loi n° 2008-496, art. 1er" : "Code pénal, art. 225-1",
}));

export const domains: VocabularyEntry[] = [
  { slug: "emploi", label: "Emploi" },
  { slug: "stages", label: "Stages et formation professionnelle" },
  { slug: "logement", label: "Logement" },
  { slug: "education", label: "Éducation et formation" },
  { slug: "biens-services-prives", label: "Biens et services privés" },
  { slug: "services-publics", label: "Services publics" },
  { slug: "sante", label: "Santé et soins" },
  { slug: "protection-sociale", label: "Protection sociale" },
  { slug: "lieux-publics", label: "Lieux accueillant du public" },
  { slug: "police-controles", label: "Police et contrôles d'identité" },
  { slug: "espace-public-transports", label: "Espace public et transports" },
];

export const approaches: VocabularyEntry[] = [
  { slug: "acces-au-droit", label: "Accès au droit et accompagnement juridique" },
  { slug: "accompagnement-psychosocial", label: "Accompagnement psycho-social" },
  { slug: "formation-professionnels", label: "Formation des professionnels et des élus" },
  { slug: "sensibilisation", label: "Sensibilisation et prévention" },
  { slug: "pairs-ambassadeurs", label: "Pairs et ambassadeurs habitants" },
  { slug: "testing", label: "Testing et tests de situation" },
  { slug: "observation-diagnostic", label: "Observation et diagnostic territorial" },
  { slug: "recueil-temoignages", label: "Recueil de témoignages" },
  { slug: "communication", label: "Campagnes de communication" },
  { slug: "pouvoir-d-agir", label: "Pouvoir d'agir et mobilisation collective" },
  { slug: "mediation", label: "Médiation" },
  { slug: "pilotage-plan-territorial", label: "Pilotage d'un plan territorial de lutte contre les discriminations" },
];

export const publics: VocabularyEntry[] = [
  { slug: "habitants-qpv", label: "Habitants des quartiers prioritaires" },
  { slug: "jeunes", label: "Jeunes" },
  { slug: "femmes", label: "Femmes" },
  { slug: "personnes-immigrees", label: "Personnes immigrées" },
  { slug: "seniors", label: "Seniors" },
  { slug: "personnes-handicapees", label: "Personnes en situation de handicap" },
  { slug: "personnes-lgbt", label: "Personnes LGBT+" },
  { slug: "victimes-temoins", label: "Victimes et témoins de discriminations" },
  { slug: "professionnels", label: "Professionnels" },
  { slug: "employeurs", label: "Employeurs" },
  { slug: "bailleurs", label: "Bailleurs" },
  { slug: "elus", label: "Élus" },
  { slug: "associations", label: "Associations" },
  { slug: "scolaires", label: "Élèves et publics scolaires" },
  { slug: "grand-public", label: "Grand public" },
];

/** Themes form a tree: a child names its parent's slug. */
export const themes: (VocabularyEntry & { parent?: string; description?: string })[] = [
  {
    slug: "discriminations-egalite",
    label: "Discriminations et égalité",
    description: "Prévenir les discriminations, accompagner les victimes et promouvoir l'égalité.",
  },
  { slug: "prevention-discriminations", label: "Prévention des discriminations", parent: "discriminations-egalite" },
  {
    slug: "acces-aux-droits",
    label: "Accès aux droits et non-recours",
    parent: "discriminations-egalite",
    description: "Faire valoir ses droits face aux discriminations : information, orientation, recours.",
  },
  {
    slug: "pouvoir-d-agir-habitants",
    label: "Pouvoir d'agir des habitants",
    description: "Capacité des habitants à agir, individuellement et collectivement, sur ce qui les concerne.",
  },
  {
    slug: "contrats-de-ville",
    label: "Contrats de ville",
    description: "Contrats de ville 2024-2030 « Engagements Quartiers 2030 » et leurs priorités locales.",
  },
];
