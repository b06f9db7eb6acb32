/**
 * Where the site lives and under which licence its data are published: what exports, feeds,
 * the sitemap, structured data and the API put into absolute links and metadata.
 */
import { env } from "@/lib/config/env";

/** The public address (NEXTAUTH_URL, else http://HOSTNAME:PORT as `npm start` serves it), no trailing slash. */
export function siteUrl(): string {
  const { NEXTAUTH_URL, HOSTNAME, PORT } = env();
  if (NEXTAUTH_URL) return NEXTAUTH_URL.replace(/\/+$/, "");
  return `http://${HOSTNAME}:${PORT}`;
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

export const SITE_NAME = "Repères";
export const PUBLISHER = "IREV – centre de ressources Politique de la ville Hauts-de-France";

export const LICENCE = {
  name: "Licence Ouverte / Open Licence version 2.0",
  shortName: "Licence Ouverte 2.0 (Etalab)",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
  spdx: "etalab-2.0",
} as const;

/** Link header announcing the licence of a response body (RFC 8288, rel="license"). */
export const licenceLinkHeader = `<${LICENCE.url}>; rel="license"`;
