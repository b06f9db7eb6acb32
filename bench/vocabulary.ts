import { Random, Zipf } from "./random";

/**
 * The fixed French vocabulary of the benchmark data, most frequent first: words drawn with a
 * Zipf law over this order, so the workload knows which terms are very common (the head),
 * medium (the middle) and rare (RARE_WORDS, planted in a few initiatives each).
 */
export const CONTENT_WORDS: readonly string[] = (
  "habitants quartier projet discriminations accompagnement égalité jeunes action emploi association " +
  "formation accès droits ville logement professionnels quartiers prioritaires victimes sensibilisation " +
  "partenaires territoire acteurs femmes insertion éducation collectif ateliers santé médiation " +
  "prévention public démarche mobilisation citoyenneté participation politique contrat dispositif " +
  "diagnostic témoignages ambassadeurs familles écoles collège structures services orientation " +
  "parcours pouvoir agir groupe réseau rencontres échanges animation solidarité culture sport " +
  "numérique entreprises employeurs bailleurs élus agents institutions justice recours écoute " +
  "juridique permanence lutte racisme sexisme handicap origine religion apparence stéréotypes " +
  "préjugés violence harcèlement exclusion pauvreté précarité isolement mixité cohésion sociale " +
  "intégration citoyens voisinage centre social maison jeunesse mission locale emplois recrutement " +
  "stage apprentissage alternance entretien candidature testing enquête observatoire données " +
  "évaluation indicateurs résultats bilan outils guide kit exposition théâtre forum débat " +
  "conférence webinaire campagne affiches vidéo podcast radio journal fresque concours festival " +
  "balade marche urbaine chantier jardin partagé cuisine repas café parents enfants adolescents " +
  "seniors retraités migrants réfugiés étrangers langue français alphabétisation interprétariat " +
  "traduction mairie préfecture département région agglomération métropole commune délégué " +
  "défenseur juriste avocat plainte signalement discrimination inégalités égalitaire inclusive " +
  "respect dignité confiance dialogue tolérance laïcité valeurs république mémoire histoire " +
  "patrimoine quartiers populaires banlieue cité immeubles transports mobilité permis conduite " +
  "bus gare espace public sécurité police contrôles tranquillité propreté environnement climat " +
  "énergie rénovation urbaine habitat relogement attribution loyers copropriété gardiens " +
  "concertation conseil citoyen budget participatif initiative expérimentation innovation " +
  "essaimage modélisation capitalisation qualification journée synthèse ressources centre " +
  "coordination pilotage comité plan stratégie engagement convention financement subvention " +
  "appel projets fonds crédits postes adultes relais pairs bénévoles volontaires service civique " +
  "tutorat parrainage mentorat coaching estime soi compétences savoirs expérience reconnaissance " +
  "valorisation visibilité communication presse réseaux sociaux internet plateforme application " +
  "accueil guichet démarches administratives dématérialisation fracture illectronisme " +
  "accompagnatrices écrivain public permanences juridiques soins médecin psychologue souffrance " +
  "psychosocial bien-être alimentation activité physique handisport accessibilité autonomie " +
  "aidants vieillissement générations intergénérationnel transmission solidarités entraide " +
  "économie solidaire emploi-formation création entreprise commerce artisanat marché insertion-professionnelle"
).split(" ");

/** Words planted with a low, fixed probability: the "rare term" queries. */
export const RARE_WORDS: readonly string[] = [
  "ludothèque",
  "permaculture",
  "vélo-école",
  "slam",
  "hip-hop",
  "calligraphie",
  "apiculture",
  "cinéclub",
  "tricot",
  "robotique",
  "échecs",
  "boxe",
  "couture",
  "graffiti",
  "marionnettes",
  "origami",
  "astronomie",
  "escalade",
  "maraude",
  "ressourcerie",
];

/** Share of initiatives that get one rare word planted in their description. */
export const RARE_WORD_RATE = 0.004;

const LINKS = ["de", "des", "du", "pour", "et", "avec", "dans", "sur", "par", "la", "les", "le", "à", "en", "au", "aux"];

const TITLE_OPENERS = [
  "Atelier",
  "Programme",
  "Collectif",
  "Parcours",
  "Projet",
  "Dispositif",
  "Permanence",
  "Rencontres",
  "Plan",
  "Campagne",
  "Forum",
  "Réseau",
  "Formation",
  "Journées",
  "Accompagnement",
];

export const ZIPF_EXPONENT = 1.05;

/** The terms of each frequency class, for the workload. */
export function termClasses() {
  return {
    common: CONTENT_WORDS.slice(0, 8),
    medium: CONTENT_WORDS.slice(80, 96),
    rare: [...RARE_WORDS],
  };
}

export class TextWriter {
  private readonly zipf = new Zipf(CONTENT_WORDS.length, ZIPF_EXPONENT);

  constructor(private readonly random: Random) {}

  word(): string {
    return CONTENT_WORDS[this.zipf.draw(this.random)]!;
  }

  /** Content words with link words between them, like a terse French sentence. */
  phrase(words: number): string {
    const parts: string[] = [];
    for (let index = 0; index < words; index++) {
      if (index > 0 && this.random.chance(0.6)) parts.push(this.random.pick(LINKS));
      parts.push(this.word());
    }
    const text = parts.join(" ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  paragraph(sentences: number, wordsPerSentence: [number, number]): string {
    const out: string[] = [];
    for (let index = 0; index < sentences; index++) {
      out.push(`${this.phrase(this.random.int(...wordsPerSentence))}.`);
    }
    return out.join(" ");
  }

  title(place: string): string {
    const opener = this.random.pick(TITLE_OPENERS);
    const body = this.phrase(this.random.int(2, 5)).toLowerCase();
    return this.random.chance(0.5) ? `${opener} ${body} à ${place}` : `${opener} ${body}`;
  }
}
