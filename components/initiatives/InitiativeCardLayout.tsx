import Link from "next/link";
import type { ReactNode } from "react";
import { DossierToggle } from "@/components/dossier/DossierToggle";

/** The card of an initiative in any list: plain (home, related) or with search highlights. */
export function InitiativeCardLayout({
  slug,
  title,
  text,
  places,
  period,
  approaches,
  scale,
  headingLevel = 2,
  dossierTitle,
}: {
  slug: string;
  title: ReactNode;
  text: ReactNode;
  places: string[];
  period: string | null;
  approaches: { slug: string; label: string }[];
  /** Set when the entry covers the chosen place from a larger territory. */
  scale?: string;
  headingLevel?: 2 | 3;
  /** The plain title, to offer « Dans mon dossier » on the card (lists of results). */
  dossierTitle?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const placeList = places.join(", ");
  return (
    <article className="card">
      <Heading>
        <Link href={`/initiatives/${slug}`}>{title}</Link>
      </Heading>
      {scale && (
        <p className="meta">
          <strong>Couvre ce lieu {scale}</strong>
        </p>
      )}
      <p>{text}</p>
      {(placeList || period) && (
        <p className="meta">
          {placeList}
          {placeList && period ? " · " : ""}
          {period}
        </p>
      )}
      {approaches.length > 0 && (
        <ul className="tags" aria-label="Approches">
          {approaches.map((approach) => (
            <li key={approach.slug} className="tag">
              {approach.label}
            </li>
          ))}
        </ul>
      )}
      {dossierTitle !== undefined && <DossierToggle kind="initiative" slug={slug} title={dossierTitle} compact />}
    </article>
  );
}
