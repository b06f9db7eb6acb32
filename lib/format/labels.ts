/** French labels of the enumerations, shared by every page that shows them. */
import type { PlaceScope } from "@/lib/search/place-scope";
import { byVocabulary } from "@/lib/vocabularies/registry";

export const actorKindLabels = {
  STATE_SERVICE: "Service de l'État",
  LOCAL_AUTHORITY: "Collectivité territoriale",
  ASSOCIATION: "Association",
  RESOURCE_CENTRE: "Centre de ressources",
  INDEPENDENT_AUTHORITY: "Autorité indépendante",
  SOCIAL_LANDLORD: "Bailleur social",
  COMPANY: "Entreprise",
  PUBLIC_BODY: "Établissement public",
  OTHER: "Autre",
} as const;

export const actorRoleLabels = { LEAD: "Porteur", PARTNER: "Partenaire", FUNDER: "Financeur" } as const;

export const territoryKindLabels = {
  REGION: "Région",
  DEPARTEMENT: "Département",
  EPCI: "Intercommunalité",
  COMMUNE: "Commune",
  QPV: "Quartier prioritaire",
} as const;

export const evidenceLevelLabels = {
  TESTIMONY: "Témoignage",
  PRACTICE_FEEDBACK: "Retour d'expérience",
  INTERNALLY_EVALUATED: "Évaluation interne",
  EXTERNALLY_EVALUATED: "Évaluation externe",
} as const;

export const statusLabels = {
  DRAFT: "Brouillon",
  IN_REVIEW: "En relecture",
  PUBLISHED: "Publié",
  ARCHIVED: "Archivé",
} as const;

export const sourceKindLabels = { EVENT: "Événement", DOCUMENT: "Document" } as const;

const dayFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(date: Date): string {
  return dayFormat.format(date);
}

const timeFormat = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

/** Hour and minute in France ("14:05"), e.g. when a lock ends. */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/** Documents are dated by month in our sources ("janvier 2024"); events by day. */
export function formatSourceDate(date: Date, kind: "EVENT" | "DOCUMENT"): string {
  return kind === "DOCUMENT" ? monthFormat.format(date) : dayFormat.format(date);
}

export function formatPeriod(item: { startYear: number | null; endYear: number | null; ongoing: boolean }): string | null {
  const { startYear, endYear, ongoing } = item;
  if (startYear && endYear) return ongoing ? `${startYear}-${endYear} (en cours)` : `${startYear}-${endYear}`;
  if (startYear) return ongoing ? `Depuis ${startYear}` : `${startYear}`;
  return ongoing ? "En cours" : null;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`) {
  return `${count.toLocaleString("fr-FR")} ${count > 1 ? pluralForm : singular}`;
}

export const filterLabels = {
  territoire: "Territoire",
  ...byVocabulary("facet", (vocabulary) => vocabulary.label),
  acteur: "Type d'acteur",
  statut: "Statut",
  annee: "Année",
} as const;

/** The « statut » filter of the search: whether an initiative is still running. */
export const progressLabels = { "en-cours": "En cours", termine: "Terminée" } as const;

export const sortLabels = { pertinence: "Pertinence", recent: "Les plus récentes", titre: "Titre (A à Z)" } as const;

export const placeScopeLabels: Record<PlaceScope, string> = {
  tous: "Dans ce lieu et à plus grande échelle",
  local: "Dans ce lieu seulement",
  couvrant: "À plus grande échelle seulement",
};

/**
 * « à l'échelle de … » for an entry that covers the chosen place from a larger territory. An
 * EPCI's kind is read from its official name (CA, CU, CC, Métropole), as people name it.
 */
export function scaleLabel(territory: { kind: keyof typeof territoryKindLabels; name: string }): string {
  switch (territory.kind) {
    case "REGION":
      return "à l'échelle de la région";
    case "DEPARTEMENT":
      return "à l'échelle du département";
    case "COMMUNE":
      return "à l'échelle de la commune";
    case "QPV":
      return "à l'échelle du quartier";
    case "EPCI": {
      const name = territory.name.trim();
      if (/^CA\b|^Communauté d'agglomération/i.test(name)) return "à l'échelle de l'agglomération";
      if (/^CU\b|^Communauté urbaine/i.test(name)) return "à l'échelle de la communauté urbaine";
      if (/^CC\b|^Communauté de communes/i.test(name)) return "à l'échelle de la communauté de communes";
      if (/^Métropole/i.test(name)) return "à l'échelle de la métropole";
      return "à l'échelle de l'intercommunalité";
    }
  }
}
