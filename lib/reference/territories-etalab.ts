import { createRequire } from "node:module";

// The package's index.js reads its data from the working directory: require the JSON files.
const require = createRequire(import.meta.url);

export interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  /** Municipal population (INSEE). */
  population?: number;
}
export interface EtalabEpci {
  code: string;
  nom: string;
  membres: { code: string; nom: string }[];
}
export interface EtalabArea {
  code: string;
  nom: string;
  region?: string;
}

export function loadEtalab() {
  return {
    regions: require("@etalab/decoupage-administratif/data/regions.json") as EtalabArea[],
    departements: require("@etalab/decoupage-administratif/data/departements.json") as EtalabArea[],
    communes: require("@etalab/decoupage-administratif/data/communes.json") as EtalabCommune[],
    epci: require("@etalab/decoupage-administratif/data/epci.json") as EtalabEpci[],
  };
}
