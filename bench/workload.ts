import { emptyQuery, type SearchQuery } from "@/lib/search/query";
import { CONTENT_WORDS, RARE_WORDS, termClasses } from "./vocabulary";

/**
 * The fixed benchmark workload: SearchQuery objects in classes, the terms taken from the
 * generator's vocabulary by frequency rank, the territories from the reference data.
 */
export const QUERY_CLASSES = [
  "rare-term",
  "medium-term",
  "common-term",
  "two-terms",
  "term-facets",
  "facets-only",
  "whole-territory",
  "typo",
  "deep-page",
  "place-scope",
  "place-inside",
  "place-covering",
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface WorkloadQuery {
  name: string;
  class: QueryClass;
  query: SearchQuery;
}

/** Places of the reference data (région, départements, EPCI, communes) the workload filters on. */
export const PLACES = {
  region: "32",
  departements: ["02", "59", "60", "62", "80"],
  acso: "200068047",
  mel: "200093201",
  roubaix: "59512",
  creil: "60175",
  amiens: "80021",
  lille: "59350",
} as const;

const unaccent = (word: string) => word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** A deterministic one-letter typo: drops the letter in the middle of the word. */
export function typo(word: string): string {
  const middle = Math.floor(word.length / 2);
  return word.slice(0, middle) + word.slice(middle + 1);
}

/**
 * Places filter with the inside rule unless a query says otherwise: the rule every class but
 * "place-scope" was first measured with, so that figures compare across passes.
 */
function q(name: string, queryClass: QueryClass, query: Partial<SearchQuery>): WorkloadQuery {
  return { name, class: queryClass, query: { ...emptyQuery, portee: "local", ...query } };
}

export function buildWorkload(): WorkloadQuery[] {
  const terms = termClasses();
  const medium = CONTENT_WORDS.slice(150, 166);
  const list: WorkloadQuery[] = [];

  RARE_WORDS.slice(0, 8).forEach((word, index) => list.push(q(`rare ${word}`, "rare-term", { q: index % 2 ? unaccent(word) : word })));
  medium.slice(0, 8).forEach((word) => list.push(q(`medium ${word}`, "medium-term", { q: word })));
  terms.common.slice(0, 4).forEach((word) => list.push(q(`common ${word}`, "common-term", { q: word })));
  list.push(q("common egalite (no accent)", "common-term", { q: "egalite" }));
  list.push(q("common Discriminations (capital)", "common-term", { q: "Discriminations" }));

  list.push(q("two common", "two-terms", { q: `${terms.common[0]} ${terms.common[1]}` }));
  list.push(q("common + medium", "two-terms", { q: `${terms.common[2]} ${medium[8]}` }));
  list.push(q("medium + medium", "two-terms", { q: `${medium[9]} ${medium[10]}` }));
  list.push(q("medium + rare", "two-terms", { q: `${medium[11]} ${RARE_WORDS[8]}` }));
  list.push(q("lutte discriminations", "two-terms", { q: "lutte discriminations" }));
  list.push(q("emploi Roubaix", "two-terms", { q: "emploi Roubaix" }));
  list.push(q("médiation Creil", "two-terms", { q: "médiation Creil" }));
  list.push(q("accès droits", "two-terms", { q: "accès droits" }));

  list.push(q("term + approche", "term-facets", { q: "jeunes", approche: ["mediation"] }));
  list.push(q("term + ACSO", "term-facets", { q: "formation", territoire: [PLACES.acso] }));
  list.push(q("term + Roubaix", "term-facets", { q: "emploi", territoire: [PLACES.roubaix] }));
  list.push(q("term + Nord + theme", "term-facets", { q: medium[12], territoire: ["59"], theme: ["pouvoir-d-agir-habitants"] }));
  list.push(q("term + critere", "term-facets", { q: "racisme", critere: ["origine"] }));
  list.push(q("term + domaine + public", "term-facets", { q: "logement", domaine: ["logement"], public: ["jeunes"] }));
  list.push(q("term + statut", "term-facets", { q: "santé", statut: ["en-cours"] }));
  list.push(q("term + annee", "term-facets", { q: "habitants", annee: [2020] }));
  list.push(q("term + acteur", "term-facets", { q: "médiation", acteur: ["association"] }));
  list.push(
    q("common + région + approche", "term-facets", {
      q: "quartier",
      territoire: [PLACES.region],
      approche: ["testing", "sensibilisation"],
    }),
  );

  list.push(q("approche", "facets-only", { approche: ["acces-au-droit"] }));
  list.push(q("two approches", "facets-only", { approche: ["testing", "mediation"] }));
  list.push(q("theme", "facets-only", { theme: ["contrats-de-ville"] }));
  list.push(q("critere rare", "facets-only", { critere: ["lanceur-alerte"] }));
  list.push(q("domaine + public", "facets-only", { domaine: ["emploi"], public: ["femmes"] }));
  list.push(q("ACSO", "facets-only", { territoire: [PLACES.acso] }));
  list.push(q("MEL + approche", "facets-only", { territoire: [PLACES.mel], approche: ["pairs-ambassadeurs"] }));
  list.push(q("Roubaix or Amiens", "facets-only", { territoire: [PLACES.roubaix, PLACES.amiens] }));
  list.push(q("acteur + statut", "facets-only", { acteur: ["collectivite"], statut: ["termine"] }));
  list.push(q("annees + critere", "facets-only", { annee: [2018, 2019], critere: ["handicap", "age"] }));

  list.push(q("région", "whole-territory", { territoire: [PLACES.region] }));
  for (const code of PLACES.departements) list.push(q(`département ${code}`, "whole-territory", { territoire: [code] }));
  list.push(q("région, recent", "whole-territory", { territoire: [PLACES.region], tri: "recent" }));
  list.push(q("nothing (all)", "whole-territory", {}));

  list.push(q("typo discrimnation", "typo", { q: "discrimnation" }));
  list.push(q("typo Roubais", "typo", { q: "Roubais" }));
  list.push(q(`typo ${typo("habitants")}`, "typo", { q: typo("habitants") }));
  list.push(q(`typo ${typo("médiation")}`, "typo", { q: typo("médiation") }));
  list.push(q(`typo ${typo(RARE_WORDS[1]!)}`, "typo", { q: typo(RARE_WORDS[1]!) }));
  list.push(q(`typo ${typo(medium[13]!)}`, "typo", { q: typo(medium[13]!) }));

  list.push(q("all, page 50", "deep-page", { page: 50 }));
  list.push(q("région recent page 500", "deep-page", { territoire: [PLACES.region], tri: "recent", page: 500 }));
  list.push(q("Nord titre page 200", "deep-page", { territoire: ["59"], tri: "titre", page: 200 }));
  list.push(q("common page 100", "deep-page", { q: terms.common[0], page: 100 }));
  list.push(q("approche page 80 recent", "deep-page", { approche: ["sensibilisation"], tri: "recent", page: 80 }));
  list.push(q("medium page 20", "deep-page", { q: medium[14], page: 20 }));
  list.push(q("last page 10000", "deep-page", { page: 10_000 }));

  // What applies here: inside and covering (the default of the pages), or covering only.
  list.push(q("Creil, both", "place-scope", { territoire: [PLACES.creil], portee: "tous" }));
  list.push(q("Creil, covering", "place-scope", { territoire: [PLACES.creil], portee: "couvrant" }));
  list.push(q("Roubaix, both, recent", "place-scope", { territoire: [PLACES.roubaix], portee: "tous", tri: "recent" }));
  list.push(q("Roubaix, inside, recent", "place-scope", { territoire: [PLACES.roubaix], tri: "recent" }));
  list.push(q("ACSO, both + approche", "place-scope", { territoire: [PLACES.acso], portee: "tous", approche: ["testing", "mediation"] }));
  list.push(q("Oise, both, recent", "place-scope", { territoire: ["60"], portee: "tous", tri: "recent" }));
  list.push(q("Amiens, covering, recent", "place-scope", { territoire: [PLACES.amiens], portee: "couvrant", tri: "recent" }));
  list.push(q("term + Creil, both", "place-scope", { q: "médiation", territoire: [PLACES.creil], portee: "tous" }));
  list.push(q("Lille, both, page 20", "place-scope", { territoire: [PLACES.lille], portee: "tous", tri: "recent", page: 20 }));

  // The covering-places filter against the inside one on the same places (communes, EPCI, a
  // département), inside then covering place by place, so that a busy moment of the machine
  // falls on both classes alike.
  const scopePlaces = [PLACES.creil, PLACES.roubaix, PLACES.amiens, PLACES.lille, PLACES.acso, PLACES.mel, "60"];
  for (const code of scopePlaces) {
    list.push(q(`${code}, inside`, "place-inside", { territoire: [code] }));
    list.push(q(`${code}, covering`, "place-covering", { territoire: [code], portee: "couvrant" }));
  }
  return list;
}
