/**
 * Names people use for the région's EPCI instead of their official ones: abbreviations used by
 * the EPCI themselves, their partners and the press. Only entries with a source are listed; add
 * one with its source. Loaded as Territory.aliases, next to the aliases staff add in the back
 * office (which a reload keeps).
 */
export interface EpciAbbreviation {
  /** SIREN of the EPCI, as in @etalab/decoupage-administratif. */
  siren: string;
  /** What people type: the abbreviation first, then other usual names. */
  aliases: string[];
  /** Where the abbreviation is used. */
  source: string;
}

export const EPCI_ABBREVIATIONS: EpciAbbreviation[] = [
  {
    siren: "200093201",
    aliases: ["MEL", "Métropole Européenne de Lille"],
    source: "../shared/data/domain.md (Roubaix, member of the Métropole Européenne de Lille); the Métropole's own name and signature",
  },
  {
    siren: "200068047",
    aliases: ["ACSO", "Agglomération Creil Sud Oise"],
    source:
      '../shared/data/domain.md: « ACSO = Agglomération Creil Sud Oise … Users say "ACSO" »; the agglomeration\'s politique de la ville page',
  },
  {
    siren: "245900428",
    aliases: ["CUD", "Communauté urbaine de Dunkerque", "Dunkerque Grand Littoral"],
    source:
      "Wikipédia, « Communauté urbaine de Dunkerque » : « La communauté urbaine de Dunkerque ou CUD (anciennement Dunkerque Grand Littoral) » (SIREN 245900428)",
  },
  {
    siren: "200042190",
    aliases: ["CAPH", "Porte du Hainaut"],
    source: "Wikipédia, « Communauté d'agglomération de la Porte du Hainaut » : « Composition de la CAPH » (SIREN 200042190)",
  },
  {
    siren: "246200364",
    aliases: ["CALL", "Communaupole"],
    source:
      "Wikipédia, « Communauté d'agglomération de Lens-Liévin » : « (CALL) … dénomination de communication de Communaupole » (SIREN 246200364)",
  },
  {
    siren: "245901160",
    aliases: ["CAVM"],
    source:
      "va-infos.fr, 30 March 2023, « Sujets majeurs débattus à Valenciennes Métropole » (« 950 000 € par la CAVM »); aubryduhainaut.fr, page « CAVM » of the commune's delegates",
  },
];

/** Aliases per SIREN, for the reference build. */
export function epciAliases(): Map<string, string[]> {
  return new Map(EPCI_ABBREVIATIONS.map((entry) => [entry.siren, entry.aliases]));
}
