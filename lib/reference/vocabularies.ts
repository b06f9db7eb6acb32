import type { VocabularyFacet } from "@/lib/vocabularies/registry";

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

/**
 * Definitions and conditions of success in our own words, general where the sources are thin:
 * the conditions only repeat what IREV's synthesis of 12 December 2023 and the actors' own
 * pages say (../shared/data/domain.md). Staff may rewrite them; a reload keeps their text.
 */
export const approaches: (VocabularyEntry & { description: string; successConditions: string })[] = [
  {
    slug: "acces-au-droit",
    label: "Accès au droit et accompagnement juridique",
    description:
      "Informer les personnes de leurs droits, les orienter et les accompagner pour faire valoir un droit ou contester une discrimination : réclamation, médiation, recours.",
    successConditions:
      "Un accompagnement de proximité et des dispositifs lisibles, pour que chacun sache à qui s'adresser (par exemple le Défenseur des droits, son numéro 3928 ou la plateforme antidiscriminations.fr). Un accompagnement juridique qui va de pair avec l'écoute et le soutien psycho-social.",
  },
  {
    slug: "accompagnement-psychosocial",
    label: "Accompagnement psycho-social",
    description:
      "Écouter et soutenir les personnes qui vivent des discriminations, pour qu'elles puissent mettre des mots sur ce qu'elles ont vécu et décider de ce qu'elles veulent en faire.",
    successConditions:
      "Des temps d'écoute réguliers, comme des permanences, qui aident à surmonter le découragement et l'autocensure. Un lien avec l'accompagnement juridique lorsque la personne veut faire valoir ses droits.",
  },
  {
    slug: "formation-professionnels",
    label: "Formation des professionnels et des élus",
    description:
      "Former les professionnels (services publics, associations, bailleurs, employeurs) et les élus à reconnaître les discriminations, à les prévenir et à orienter les personnes qui en sont victimes.",
    successConditions:
      "Une formation inscrite dans une démarche d'ensemble, par exemple un plan territorial, qui diffuse une culture commune de l'égalité entre les acteurs d'un territoire.",
  },
  {
    slug: "sensibilisation",
    label: "Sensibilisation et prévention",
    description:
      "Faire connaître ce qu'est une discrimination, ce que dit la loi et les recours possibles, auprès des habitants, des jeunes ou du grand public.",
    successConditions:
      "Des outils adaptés aux publics, qui facilitent l'expression du vécu discriminatoire. Des messages portés par des personnes en qui les habitants ont confiance, y compris leurs pairs.",
  },
  {
    slug: "pairs-ambassadeurs",
    label: "Pairs et ambassadeurs habitants",
    description:
      "Des habitants mobilisés pour parler d'égalité et de discriminations avec leurs pairs et pour faire le lien avec les institutions.",
    successConditions:
      "Rétablir un lien de confiance entre les habitants et les institutions : c'est à la fois le moyen et le but de la démarche.",
  },
  {
    slug: "testing",
    label: "Testing et tests de situation",
    description:
      "Comparer le traitement réservé à des personnes ou à des dossiers qui ne diffèrent que par une caractéristique (origine supposée, adresse, âge…), pour révéler ou mesurer une discrimination, par exemple à l'embauche ou dans l'accès au logement.",
    successConditions:
      "Une méthode rigoureuse : des profils comparables en tout, sauf la caractéristique testée. Savoir à l'avance ce que l'on fera des résultats.",
  },
  {
    slug: "observation-diagnostic",
    label: "Observation et diagnostic territorial",
    description:
      "Établir, sur un territoire, ce que vivent les habitants et où se produisent les discriminations (enquêtes, entretiens, données), pour fonder une action locale.",
    successConditions:
      "Interroger les habitants eux-mêmes et faire du diagnostic le point de départ d'un plan d'action : à l'Agglomération Creil Sud Oise, le diagnostic de 2017-2019 a précédé le plan territorial de 2021-2026.",
  },
  {
    slug: "recueil-temoignages",
    label: "Recueil de témoignages",
    description:
      "Recueillir la parole des personnes qui vivent ou constatent des discriminations, pour les rendre visibles et orienter celles qui le souhaitent.",
    successConditions:
      "Des outils adaptés, qui facilitent l'expression du vécu discriminatoire, et une suite donnée à chaque témoignage : écoute, orientation, accompagnement.",
  },
  {
    slug: "communication",
    label: "Campagnes de communication",
    description:
      "Des campagnes (affiches, réseaux sociaux, vidéos, événements) pour faire connaître les droits et les moyens d'agir contre les discriminations.",
    successConditions: "Rendre les dispositifs lisibles : dire clairement à qui s'adresser, et comment.",
  },
  {
    slug: "pouvoir-d-agir",
    label: "Pouvoir d'agir et mobilisation collective",
    description:
      "Permettre aux habitants d'agir, individuellement et collectivement, sur ce qui les concerne, y compris face aux discriminations qu'ils subissent.",
    successConditions:
      "Lever les freins au recours aux droits : le non-recours, la méfiance à l'égard des institutions. Des acteurs locaux outillés pour accompagner les habitants.",
  },
  {
    slug: "mediation",
    label: "Médiation",
    description:
      "Une personne tierce aide des habitants et une institution, un employeur ou un bailleur à renouer le dialogue et à chercher ensemble une solution.",
    successConditions:
      "Un tiers en qui chaque partie a confiance, et un relais vers l'accès au droit lorsqu'une discrimination est en cause.",
  },
  {
    slug: "pilotage-plan-territorial",
    label: "Pilotage d'un plan territorial de lutte contre les discriminations",
    description:
      "Une collectivité et ses partenaires se dotent d'une stratégie pluriannuelle contre les discriminations : diagnostic, plan d'action, formation, suivi. La lutte contre les discriminations est une obligation transversale des contrats de ville.",
    successConditions:
      "Partir d'un diagnostic partagé, former les professionnels et diffuser une culture commune de l'égalité, comme le plan territorial de l'Agglomération Creil Sud Oise.",
  },
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

/** The reference entries of each vocabulary of the registry (lib/vocabularies/registry.ts). */
export const referenceVocabularies: Record<VocabularyFacet, VocabularyEntry[]> = {
  approche: approaches,
  theme: themes,
  critere: discriminationCriteria,
  domaine: domains,
  public: publics,
};
