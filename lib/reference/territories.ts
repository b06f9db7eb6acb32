import { loadEtalab } from "./territories-etalab";

export type TerritoryKindName = "REGION" | "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV";

export interface TerritoryRow {
  code: string;
  kind: TerritoryKindName;
  name: string;
  aliases: string[];
  official: boolean;
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

/** Names people use for an EPCI instead of its official one (source: shared/data/domain.md). */
const EPCI_ALIASES: Record<string, string[]> = {
  [ACSO_SIREN]: ["ACSO", "Agglomération Creil Sud Oise"],
  "200093201": ["MEL", "Métropole Européenne de Lille"],
};

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

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

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

  const territories: TerritoryRow[] = [
    { code: region.code, kind: "REGION", name: region.nom, aliases: [], official: true },
  ];
  const links: ParentLink[] = [];

  for (const departement of data.departements.filter((d) => d.region === regionCode)) {
    territories.push({ code: departement.code, kind: "DEPARTEMENT", name: departement.nom, aliases: [], official: true });
    links.push({ childCode: departement.code, parentCode: regionCode });
  }

  const communes = data.communes.filter((c) => c.region === regionCode && c.type === "commune-actuelle");
  const communeCodes = new Set(communes.map((c) => c.code));
  for (const commune of communes) {
    territories.push({ code: commune.code, kind: "COMMUNE", name: commune.nom, aliases: [], official: true });
    if (commune.departement) links.push({ childCode: commune.code, parentCode: commune.departement });
  }

  const departementOf = new Map(communes.map((c) => [c.code, c.departement]));
  for (const epci of data.epci) {
    const members = epci.membres.filter((m) => communeCodes.has(m.code));
    if (members.length === 0) continue;
    territories.push({ code: epci.code, kind: "EPCI", name: epci.nom, aliases: EPCI_ALIASES[epci.code] ?? [], official: true });
    // An EPCI lies inside a département only when all its communes do (ACSO in the Oise);
    // one spanning two départements hangs from the région, or it would pull in the other's communes.
    const departements = new Set(members.map((m) => departementOf.get(m.code)));
    const [only] = departements;
    links.push({ childCode: epci.code, parentCode: departements.size === 1 && only ? only : regionCode });
    for (const member of members) links.push({ childCode: member.code, parentCode: epci.code });
  }

  for (const qpv of ACSO_QPV.filter((q) => communeCodes.has(q.commune))) {
    const code = provisionalQpvCode(qpv.commune, qpv.name);
    territories.push({ code, kind: "QPV", name: qpv.name, aliases: [], official: false });
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
