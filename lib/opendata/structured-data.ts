/**
 * schema.org descriptions (JSON-LD) and Open Graph tags of the public pages, from what the
 * pages already load. An initiative is a schema.org Project, an actor an Organization, a lesson
 * an Article based on its source.
 */
import type { PublicActorContact } from "@/lib/public/contact";
import type { Metadata } from "next";
import { absoluteUrl, LICENCE, PUBLISHER, SITE_NAME } from "./site";

const publisher = { "@type": "Organization", name: PUBLISHER, url: "https://www.irev.fr" };
const place = (t: { name: string; code: string }) => ({
  "@type": "Place",
  name: t.name,
  identifier: t.code,
  url: absoluteUrl(`/territoires/${t.code}`),
});
const organization = (a: { slug: string; name: string }) => ({
  "@type": "Organization",
  name: a.name,
  url: absoluteUrl(`/acteurs/${a.slug}`),
});

export function initiativeJsonLd(initiative: {
  slug: string;
  title: string;
  summary: string;
  startYear: number | null;
  endYear: number | null;
  ongoing: boolean;
  publishedAt: Date | null;
  updatedAt: Date;
  website: string | null;
  territories: { territory: { code: string; name: string } }[];
  actors: { role: "LEAD" | "PARTNER" | "FUNDER"; actor: { slug: string; name: string } }[];
  themes: { theme: { label: string } }[];
  approaches: { approach: { label: string } }[];
}) {
  const withRole = (role: string) => initiative.actors.filter((a) => a.role === role).map((a) => organization(a.actor));
  return {
    "@context": "https://schema.org",
    "@type": "Project",
    "@id": absoluteUrl(`/initiatives/${initiative.slug}`),
    url: absoluteUrl(`/initiatives/${initiative.slug}`),
    name: initiative.title,
    description: initiative.summary,
    ...(initiative.startYear ? { foundingDate: String(initiative.startYear) } : {}),
    ...(initiative.endYear && !initiative.ongoing ? { dissolutionDate: String(initiative.endYear) } : {}),
    ...(initiative.website ? { sameAs: initiative.website } : {}),
    areaServed: initiative.territories.map((t) => place(t.territory)),
    founder: withRole("LEAD"),
    member: withRole("PARTNER"),
    funder: withRole("FUNDER"),
    knowsAbout: [...initiative.themes.map((t) => t.theme.label), ...initiative.approaches.map((a) => a.approach.label)],
    subjectOf: {
      "@type": "WebPage",
      url: absoluteUrl(`/initiatives/${initiative.slug}`),
      ...(initiative.publishedAt ? { datePublished: initiative.publishedAt.toISOString() } : {}),
      dateModified: initiative.updatedAt.toISOString(),
      license: LICENCE.url,
      publisher,
    },
  };
}

/**
 * An actor as a schema.org Organization. Its contactPoint carries the organisation's own
 * details only: a contact person is never put in machine-readable data, consent or not.
 */
export function actorJsonLd(actor: {
  slug: string;
  name: string;
  acronym: string | null;
  description: string;
  territory: { code: string; name: string } | null;
  areas: { code: string; name: string }[];
  contact: Pick<PublicActorContact, "address" | "phone" | "email" | "website">;
}) {
  const { address, phone, email, website } = actor.contact;
  const served = actor.areas.length > 0 ? actor.areas : actor.territory ? [actor.territory] : [];
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": absoluteUrl(`/acteurs/${actor.slug}`),
    url: absoluteUrl(`/acteurs/${actor.slug}`),
    name: actor.name,
    ...(actor.acronym ? { alternateName: actor.acronym } : {}),
    ...(actor.description ? { description: actor.description } : {}),
    ...(website ? { sameAs: website } : {}),
    ...(address ? { address: { "@type": "PostalAddress", streetAddress: address.replace(/\n+/g, ", ") } } : {}),
    ...(phone || email
      ? {
          contactPoint: {
            "@type": "ContactPoint",
            contactType: "accueil",
            availableLanguage: "fr",
            ...(phone ? { telephone: phone } : {}),
            ...(email ? { email } : {}),
          },
        }
      : {}),
    ...(served.length === 1 ? { areaServed: place(served[0]!) } : served.length > 1 ? { areaServed: served.map(place) } : {}),
  };
}

export function lessonJsonLd(
  lesson: { slug: string; title: string; body: string; publishedAt: Date | null; updatedAt: Date; themes: { theme: { label: string } }[] },
  source: { title: string; url: string | null; date: Date | null; kind: "EVENT" | "DOCUMENT" } | null,
) {
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    "@id": absoluteUrl(`/enseignements/${lesson.slug}`),
    url: absoluteUrl(`/enseignements/${lesson.slug}`),
    headline: lesson.title,
    articleBody: lesson.body,
    inLanguage: "fr",
    ...(lesson.publishedAt ? { datePublished: lesson.publishedAt.toISOString() } : {}),
    dateModified: lesson.updatedAt.toISOString(),
    about: lesson.themes.map((t) => t.theme.label),
    license: LICENCE.url,
    publisher,
    ...(source
      ? {
          isBasedOn: {
            "@type": source.kind === "EVENT" ? "Event" : "CreativeWork",
            name: source.title,
            ...(source.url ? { url: source.url } : {}),
            ...(source.date ? { [source.kind === "EVENT" ? "startDate" : "datePublished"]: source.date.toISOString().slice(0, 10) } : {}),
          },
        }
      : {}),
  };
}

/** Open Graph tags of a page (Next replaces, not merges, the layout's openGraph: all fields here). */
export function openGraph(options: {
  title: string;
  description?: string;
  path?: string;
  type?: "website" | "article";
}): Metadata["openGraph"] {
  return {
    type: options.type ?? "website",
    siteName: SITE_NAME,
    locale: "fr_FR",
    title: options.title,
    ...(options.description ? { description: options.description } : {}),
    ...(options.path ? { url: absoluteUrl(options.path) } : {}),
  };
}
