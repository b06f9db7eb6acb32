/**
 * First content of Repères, written from IREV's page presenting the synthesis of its
 * qualification day of 12 December 2023 (shared/seeds/000_f8b28b08ca62602a.txt) and the
 * verified facts of shared/data/domain.md. Nothing here goes beyond those two sources.
 */

export const SYNTHESIS_PAGE_URL =
  "https://www.irev.fr/thematiques/discriminations-egalite/prevention-des-discriminations/boite-outils-des-demarches-de-15";
export const SYNTHESIS_PDF_URL = "https://www.irev.fr/sites/default/files/atoms/files/synthese_lcd_et_pouvoir_dagir_-_dec_2023_-_irev.pdf";

type ActorKind =
  | "STATE_SERVICE"
  | "LOCAL_AUTHORITY"
  | "ASSOCIATION"
  | "RESOURCE_CENTRE"
  | "INDEPENDENT_AUTHORITY"
  | "SOCIAL_LANDLORD"
  | "COMPANY"
  | "PUBLIC_BODY"
  | "OTHER";

export interface DemoActor {
  slug: string;
  name: string;
  acronym?: string;
  kind: ActorKind;
  description: string;
  website?: string;
  territory?: string;
  /** Public details of the organisation, as its own publications give them. */
  address?: string;
  phone?: string;
  email?: string;
  /** Area of intervention, when wider than its own territory. */
  areas?: string[];
}

export const actors: DemoActor[] = [
  {
    slug: "irev",
    name: "IREV – centre de ressources Politique de la ville Hauts-de-France",
    acronym: "IREV",
    kind: "RESOURCE_CENTRE",
    description:
      "Centre de ressources politique de la ville des Hauts-de-France, constitué en groupement d'intérêt public et installé à Lille. " +
      "Comme les autres centres de ressources agréés par l'État, il qualifie les professionnels, les met en réseau et capitalise les méthodes. " +
      "Son pôle Prévention des discriminations a organisé la journée de qualification du 12 décembre 2023 et en a publié la synthèse en janvier 2024.",
    website: "https://www.irev.fr",
    territory: "59350",
    // The address block of the synthesis page (the seed).
    address: "Bâtiment Arboretum, 7e étage\n135 boulevard Paul Painlevé\n59000 Lille",
    phone: "06 40 34 53 36",
    email: "contact@irev.fr",
    areas: ["32"],
  },
  {
    slug: "defenseur-des-droits",
    name: "Défenseur des droits",
    kind: "INDEPENDENT_AUTHORITY",
    description:
      "Autorité administrative indépendante chargée notamment de la lutte contre les discriminations. " +
      "Elle s'appuie sur un réseau de plus de 570 délégués territoriaux bénévoles, présents dans environ 870 lieux (chiffres du Défenseur des droits, mars 2023), " +
      "et, depuis le 12 février 2021, sur le 3928 et la plateforme antidiscriminations.fr, où des juristes répondent aux victimes et aux témoins.",
    website: "https://www.defenseurdesdroits.fr",
    // The national line against discrimination; its local delegates act across the région.
    phone: "3928",
    areas: ["32"],
  },
  {
    slug: "collectif-kif-kif",
    name: "Collectif Kif Kif",
    kind: "ASSOCIATION",
    description:
      "Collectif lillois créé en mars 2012 et porté par l'association Iris Formation. " +
      "Il accompagne les victimes de discriminations et mène des actions de testing, de recueil de témoignages, des groupes de parole et des formations de professionnels.",
    territory: "59350",
  },
  {
    slug: "ambassadeurs-de-l-egalite-roubaix",
    name: "Ambassadeurs de l'égalité de Roubaix",
    kind: "OTHER",
    description:
      "Habitants de Roubaix mobilisés pour porter les enjeux de l'égalité auprès de leurs pairs. " +
      "La structure qui anime le dispositif n'est pas précisée dans les sources disponibles.",
    territory: "59512",
  },
  {
    slug: "agglomeration-creil-sud-oise",
    name: "Agglomération Creil Sud Oise",
    acronym: "ACSO",
    kind: "LOCAL_AUTHORITY",
    description:
      "Communauté d'agglomération de onze communes de l'Oise, dont Creil, Nogent-sur-Oise, Montataire et Villers-Saint-Paul, " +
      "qui comptent sept quartiers prioritaires de la politique de la ville depuis 2024.",
    territory: "200068047",
  },
];

export interface DemoSource {
  slug: string;
  kind: "EVENT" | "DOCUMENT";
  title: string;
  description: string;
  date: string;
  url?: string;
  event?: string;
}

export const sources: DemoSource[] = [
  {
    slug: "journee-qualification-lcd-pouvoir-d-agir-2023",
    kind: "EVENT",
    title: "Journée de qualification « Lutte contre les discriminations et pouvoir d'agir des habitants »",
    description:
      "Journée organisée par l'IREV le 12 décembre 2023, dans le cadre des démarches locales de prévention des discriminations " +
      "et de l'élaboration des nouveaux contrats de ville. Acteurs institutionnels, professionnels et associatifs y ont échangé sur les freins " +
      "au recours aux droits et sur les solutions pour mieux accompagner les habitants.",
    date: "2023-12-12",
    url: SYNTHESIS_PAGE_URL,
  },
  {
    slug: "synthese-lcd-pouvoir-d-agir-2024",
    kind: "DOCUMENT",
    title: "Synthèse de la journée « Lutte contre les discriminations et pouvoir d'agir des habitants »",
    description:
      "Synthèse publiée en janvier 2024 par le pôle Prévention des discriminations de l'IREV : principaux enseignements " +
      "et retours d'expérience de la journée du 12 décembre 2023, et quatre initiatives inspirantes.",
    date: "2024-01-01",
    url: SYNTHESIS_PDF_URL,
    event: "journee-qualification-lcd-pouvoir-d-agir-2023",
  },
];

export interface DemoInitiative {
  slug: string;
  title: string;
  summary: string;
  description: string;
  objectives?: string;
  means?: string;
  results?: string;
  website?: string;
  startYear?: number;
  endYear?: number;
  ongoing: boolean;
  actors: { actor: string; role: "LEAD" | "PARTNER" | "FUNDER" }[];
  territories: string[];
  approaches: string[];
  themes: string[];
  criteria?: string[];
  domains?: string[];
  publics?: string[];
  sources: string[];
}

export const initiatives: DemoInitiative[] = [
  {
    slug: "action-locale-du-defenseur-des-droits",
    title: "L'action locale du Défenseur des droits",
    summary:
      "Un accompagnement de proximité des victimes de discriminations par les délégués territoriaux, et des dispositifs de recours à rendre plus lisibles.",
    description:
      "Présentée lors de la journée de qualification de l'IREV, l'action du Défenseur des droits montre que l'accès au droit passe par la proximité : " +
      "des délégués bénévoles tiennent des permanences au plus près des habitants. " +
      "Le 3928 et la plateforme antidiscriminations.fr, ouverts le 12 février 2021, permettent aussi d'échanger avec des juristes.\n\n" +
      "Le Défenseur des droits souligne la nécessité d'un accompagnement de proximité et d'une meilleure lisibilité des dispositifs existants.",
    objectives: "Permettre aux victimes de discriminations de connaître leurs droits et de les faire valoir.",
    means:
      "Plus de 570 délégués territoriaux bénévoles dans environ 870 lieux (mars 2023) ; le 3928 ; la plateforme antidiscriminations.fr avec tchat en semaine.",
    website: "https://www.antidiscriminations.fr",
    startYear: 2021,
    ongoing: true,
    actors: [{ actor: "defenseur-des-droits", role: "LEAD" }],
    territories: ["32"],
    approaches: ["acces-au-droit"],
    themes: ["acces-aux-droits", "discriminations-egalite"],
    publics: ["victimes-temoins", "habitants-qpv"],
    sources: ["journee-qualification-lcd-pouvoir-d-agir-2023", "synthese-lcd-pouvoir-d-agir-2024"],
  },
  {
    slug: "permanences-ecoute-kif-kif",
    title: "Les permanences d'écoute et d'accompagnement psycho-social du collectif Kif Kif",
    summary: "Des permanences d'écoute pour aider les victimes de discriminations à surmonter le découragement et l'autocensure.",
    description:
      "Le collectif Kif Kif, à Lille, tient des permanences d'écoute et d'accompagnement psycho-social. " +
      "Elles s'adressent aux personnes qui ont vécu une discrimination et qui, découragées, renoncent souvent à la dénoncer.\n\n" +
      "Cette approche complète l'accompagnement juridique : être écouté aide à mettre des mots sur ce qui a été vécu avant, éventuellement, d'engager un recours.",
    objectives: "Aider les victimes de discriminations à surmonter le découragement et l'autocensure.",
    means: "Permanences d'écoute ; accompagnement psycho-social ; groupes de parole.",
    startYear: 2012,
    ongoing: true,
    actors: [{ actor: "collectif-kif-kif", role: "LEAD" }],
    territories: ["59350"],
    approaches: ["accompagnement-psychosocial", "recueil-temoignages"],
    themes: ["discriminations-egalite", "acces-aux-droits"],
    publics: ["victimes-temoins"],
    sources: ["journee-qualification-lcd-pouvoir-d-agir-2023", "synthese-lcd-pouvoir-d-agir-2024"],
  },
  {
    slug: "ambassadeurs-de-l-egalite-roubaix",
    title: "Les Ambassadeurs de l'égalité à Roubaix",
    summary:
      "Des habitants sensibilisent leurs pairs aux enjeux de l'égalité et contribuent à rétablir un lien de confiance avec les institutions.",
    description:
      "À Roubaix, le dispositif des Ambassadeurs de l'égalité mobilise des habitants. " +
      "Ils portent les enjeux de l'égalité auprès de leurs pairs, dans leur quartier, et font le lien avec les institutions, " +
      "envers lesquelles la méfiance freine souvent le recours aux droits.",
    objectives: "Sensibiliser les habitants aux enjeux de l'égalité ; rétablir un lien de confiance avec les institutions.",
    ongoing: true,
    actors: [{ actor: "ambassadeurs-de-l-egalite-roubaix", role: "LEAD" }],
    territories: ["59512"],
    approaches: ["pairs-ambassadeurs", "sensibilisation", "pouvoir-d-agir"],
    themes: ["pouvoir-d-agir-habitants", "prevention-discriminations"],
    publics: ["habitants-qpv"],
    sources: ["journee-qualification-lcd-pouvoir-d-agir-2023", "synthese-lcd-pouvoir-d-agir-2024"],
  },
  {
    slug: "plan-territorial-lutte-discriminations-acso",
    title: "Le plan territorial de lutte contre les discriminations de l'Agglomération Creil Sud Oise",
    summary:
      "Un plan 2021-2026 fondé sur un diagnostic, qui mise sur la formation des professionnels et la diffusion d'une culture commune de l'égalité.",
    description:
      "L'Agglomération Creil Sud Oise (ACSO) met en œuvre un plan territorial de lutte contre les discriminations pour 2021-2026, " +
      "préparé par un diagnostic mené de 2017 à 2019.\n\n" +
      "Le plan s'appuie sur la formation des professionnels et sur la diffusion d'une culture de l'égalité partagée entre les acteurs du territoire.",
    objectives: "Former les professionnels ; diffuser une culture commune de l'égalité sur le territoire.",
    results:
      "Enquête de 2018 auprès de 225 habitants : l'origine est le critère de discrimination le plus cité (40 %), devant la religion (29 %).",
    startYear: 2021,
    endYear: 2026,
    ongoing: true,
    actors: [{ actor: "agglomeration-creil-sud-oise", role: "LEAD" }],
    territories: ["200068047"],
    approaches: ["pilotage-plan-territorial", "formation-professionnels", "observation-diagnostic"],
    themes: ["prevention-discriminations", "contrats-de-ville"],
    criteria: ["origine", "religion"],
    publics: ["professionnels", "elus", "habitants-qpv"],
    sources: ["journee-qualification-lcd-pouvoir-d-agir-2023", "synthese-lcd-pouvoir-d-agir-2024"],
  },
];

export interface DemoLesson {
  slug: string;
  title: string;
  body: string;
  evidenceLevel: "TESTIMONY" | "PRACTICE_FEEDBACK" | "INTERNALLY_EVALUATED" | "EXTERNALLY_EVALUATED";
  source: string;
  initiatives: string[];
  themes: string[];
  approaches: string[];
}

const SYNTHESIS = "synthese-lcd-pouvoir-d-agir-2024";

export const lessons: DemoLesson[] = [
  {
    slug: "discriminations-invisibilisees-non-recours",
    title: "Dans les quartiers populaires, les discriminations restent peu dénoncées",
    body:
      "Les habitants des quartiers populaires sont particulièrement exposés aux discriminations, qui restent pourtant souvent invisibles et peu dénoncées. " +
      "Trois freins se cumulent : le non-recours aux droits, la méfiance envers les institutions et le manque d'outils des acteurs locaux.",
    evidenceLevel: "PRACTICE_FEEDBACK",
    source: SYNTHESIS,
    initiatives: [],
    themes: ["acces-aux-droits", "discriminations-egalite"],
    approaches: [],
  },
  {
    slug: "complementarite-juridique-psychosocial",
    title: "Approches juridiques et psycho-sociales se complètent",
    body:
      "Accompagner une victime de discrimination ne se limite pas au droit : l'écoute et le soutien psycho-social aident à surmonter le découragement " +
      "et l'autocensure, et rendent possible un recours que l'accompagnement juridique peut ensuite porter.",
    evidenceLevel: "PRACTICE_FEEDBACK",
    source: SYNTHESIS,
    initiatives: ["permanences-ecoute-kif-kif", "action-locale-du-defenseur-des-droits"],
    themes: ["acces-aux-droits"],
    approaches: ["acces-au-droit", "accompagnement-psychosocial"],
  },
  {
    slug: "former-les-professionnels",
    title: "Former les professionnels est décisif",
    body:
      "Les professionnels au contact des habitants doivent savoir repérer une discrimination, l'écouter et orienter la personne. " +
      "La formation est aussi le moyen de diffuser une culture commune de l'égalité sur un territoire, comme le montre le plan de l'ACSO.",
    evidenceLevel: "PRACTICE_FEEDBACK",
    source: SYNTHESIS,
    initiatives: ["plan-territorial-lutte-discriminations-acso"],
    themes: ["prevention-discriminations"],
    approaches: ["formation-professionnels"],
  },
  {
    slug: "outils-expression-vecu-discriminatoire",
    title: "Des outils adaptés aident à exprimer le vécu discriminatoire",
    body:
      "Beaucoup de personnes ne mettent pas de mots sur ce qu'elles ont vécu. Des outils adaptés, comme les permanences d'écoute ou les groupes de parole, " +
      "favorisent l'expression de ce vécu, première étape avant toute démarche.",
    evidenceLevel: "PRACTICE_FEEDBACK",
    source: SYNTHESIS,
    initiatives: ["permanences-ecoute-kif-kif"],
    themes: ["discriminations-egalite"],
    approaches: ["recueil-temoignages", "accompagnement-psychosocial"],
  },
  {
    slug: "proximite-et-lisibilite-des-dispositifs",
    title: "Un accompagnement de proximité et des dispositifs lisibles",
    body:
      "Les dispositifs de recours existent mais restent mal connus. Un accompagnement au plus près des habitants et une meilleure lisibilité " +
      "de l'offre existante sont nécessaires pour que les victimes s'en saisissent.",
    evidenceLevel: "PRACTICE_FEEDBACK",
    source: SYNTHESIS,
    initiatives: ["action-locale-du-defenseur-des-droits"],
    themes: ["acces-aux-droits"],
    approaches: ["acces-au-droit"],
  },
  {
    slug: "pairs-retablir-la-confiance",
    title: "Des pairs pour rétablir la confiance avec les institutions",
    body:
      "Des habitants engagés auprès de leurs pairs, comme les Ambassadeurs de l'égalité à Roubaix, sensibilisent aux enjeux de l'égalité " +
      "et contribuent à rétablir un lien de confiance avec les institutions.",
    evidenceLevel: "PRACTICE_FEEDBACK",
    source: SYNTHESIS,
    initiatives: ["ambassadeurs-de-l-egalite-roubaix"],
    themes: ["pouvoir-d-agir-habitants"],
    approaches: ["pairs-ambassadeurs", "pouvoir-d-agir"],
  },
];
