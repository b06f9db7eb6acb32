"use client";

import { InitiativeCardLayout } from "@/components/initiatives/InitiativeCardLayout";
import type { HitCard } from "@/lib/search/hit-card";
import { Highlighted } from "./Highlighted";

/**
 * The results of a search as cards. A client component only so that the page's RSC payload
 * carries the cards as compact data instead of a tree of elements per card (ADR 004, "Third
 * pass"); the server renders the same HTML.
 */
export function SearchHitList({ hits, headingLevel = 2 }: { hits: HitCard[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="card-list">
      {hits.map((hit) => (
        <li key={hit.id}>
          <InitiativeCardLayout
            slug={hit.slug}
            title={<Highlighted segments={hit.title} />}
            text={<Highlighted segments={hit.excerpt} />}
            places={hit.places}
            period={hit.period}
            approaches={hit.approaches}
            scale={hit.scale}
            headingLevel={headingLevel}
            dossierTitle={hit.title.map((segment) => segment.text).join("")}
          />
        </li>
      ))}
    </ul>
  );
}
