/** French labels of the enumerations, shared by every page that shows them. */
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
