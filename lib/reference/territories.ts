import { slugify } from "@/lib/format/fold";
import { epciAliases } from "./epci-abbreviations";
import { loadEtalab } from "./territories-etalab";

export type TerritoryKindName = "REGION" | "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV";

export interface TerritoryRow {
  code: string;
  kind: TerritoryKindName;
  name: string;
  aliases: string[];
  official: boolean;
  /** Postcodes of a commune; empty for other kinds. */
  postcodes: string[];
  /** Municipal population; of a larger territory, the sum of its communes; null for a QPV. */
  population: number | null;
}

export interface ParentLink {
  childCode: string;
  parentCode: string;
}

export interface TerritoryReference {
  territories: TerritoryRow[];
  links: ParentLink[];
}

export const HAUTS_DE_FRANCE = "32";
export const ACSO_SIREN = "200068047";

/**
 * ACSO's seven QPV in force since 2024 (source: the agglomeration's politique de la ville page).
 * Their official codes are not verified: they get a local code until the ANCT list is imported.
 */
export const ACSO_QPV: { name: string; commune: string }[] = [
  { name: "Les Hauts de Creil", commune: "60175" },
  { name: "Jaurès / Gare", commune: "60175" },
  { name: "Les Martinets", commune: "60414" },
  { name: "Les Rochers – L'Obier", commune: "60463" },
  { name: "Granges-Coteaux", commune: "60463" },
  { name: "Montupet", commune: "60463" },
  { name: "Bellevue / Belle-Visée", commune: "60684" },
];

/** Local code of a QPV whose official code is unknown: stable, and never of the official QN form. */
export function provisionalQpvCode(communeCode: string, name: string): string {
  return `QPV-${communeCode}-${slugify(name)}`.slice(0, 64);
}

/**
 * The région, its départements, its communes and every EPCI with a member in it, from
 * @etalab/decoupage-administratif, with containment links: commune -> département and EPCI,
 * EPCI -> its département (or the région when it spans several), département -> région.
 */
export function buildRegionReference(regionCode = HAUTS_DE_FRANCE): TerritoryReference {
  const data = loadEtalab();
  const region = data.regions.find((r) => r.code === regionCode);
  if (!region) throw new Error(`Région ${regionCode} absente du découpage administratif.`);

  const communes = data.communes.filter((c) => c.region === regionCode && c.type === "commune-actuelle");
  const communeCodes = new Set(communes.map((c) => c.code));
  // Every current commune of France, for EPCI that span another région.
  const populationOf = new Map(data.communes.filter((c) => c.type === "commune-actuelle").map((c) => [c.code, c.population ?? 0]));
  const sum = (codes: string[]) => codes.reduce((total, code) => total + (populationOf.get(code) ?? 0), 0);
  const departements = data.departements.filter((d) => d.region === regionCode);

  const territories: TerritoryRow[] = [
    { code: region.code, kind: "REGION", name: region.nom, aliases: [], official: true, postcodes: [], population: sum([...communeCodes]) },
  ];
  const links: ParentLink[] = [];

  for (const departement of departements) {
    const population = sum(communes.filter((c) => c.departement === departement.code).map((c) => c.code));
    territories.push({
      code: departement.code,
      kind: "DEPARTEMENT",
      name: departement.nom,
      aliases: [],
      official: true,
      postcodes: [],
      population,
    });
    links.push({ childCode: departement.code, parentCode: regionCode });
  }

  for (const commune of communes) {
    territories.push({
      code: commune.code,
      kind: "COMMUNE",
      name: commune.nom,
      aliases: [],
      official: true,
      postcodes: [...new Set(commune.codesPostaux ?? [])].sort(),
      population: commune.population ?? null,
    });
    if (commune.departement) links.push({ childCode: commune.code, parentCode: commune.departement });
  }

  const departementOf = new Map(communes.map((c) => [c.code, c.departement]));
  const aliases = epciAliases();
  for (const epci of data.epci) {
    const members = epci.membres.filter((m) => communeCodes.has(m.code));
    if (members.length === 0) continue;
    territories.push({
      code: epci.code,
      kind: "EPCI",
      name: epci.nom,
      aliases: aliases.get(epci.code) ?? [],
      official: true,
      postcodes: [],
      population: sum(epci.membres.map((m) => m.code)),
    });
    // An EPCI lies inside a département only when all its communes do (ACSO in the Oise);
    // one spanning two départements hangs from the région, or it would pull in the other's communes.
    const memberDepartements = new Set(members.map((m) => departementOf.get(m.code)));
    const [only] = memberDepartements;
    links.push({ childCode: epci.code, parentCode: memberDepartements.size === 1 && only ? only : regionCode });
    for (const member of members) links.push({ childCode: member.code, parentCode: epci.code });
  }

  for (const qpv of ACSO_QPV.filter((q) => communeCodes.has(q.commune))) {
    const code = provisionalQpvCode(qpv.commune, qpv.name);
    territories.push({ code, kind: "QPV", name: qpv.name, aliases: [], official: false, postcodes: [], population: null });
    links.push({ childCode: code, parentCode: qpv.commune });
  }

  return { territories, links };
}

/**
 * The reference without the provisional QPV that an official one already replaced (same name,
 * same commune; see lib/reference/qpv-import.ts), so that reloading never brings them back.
 */
export function withoutReplacedQpv(reference: TerritoryReference, officialQpv: { name: string; communes: string[] }[]): TerritoryReference {
  const replaced = new Set(officialQpv.flatMap((qpv) => qpv.communes.map((commune) => provisionalQpvCode(commune, qpv.name))));
  return {
    territories: reference.territories.filter((t) => !replaced.has(t.code)),
    links: reference.links.filter((l) => !replaced.has(l.childCode)),
  };
}
