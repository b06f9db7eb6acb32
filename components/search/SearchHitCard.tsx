import Link from "next/link";
import { formatPeriod } from "@/lib/format/labels";
import type { SearchHit } from "@/lib/search/service";
import { Highlighted } from "./Highlighted";

export function SearchHitCard({ hit, headingLevel = 2 }: { hit: SearchHit; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const period = formatPeriod(hit);
  const places = hit.territories.map((t) => t.name).join(", ");
  return (
    <article className="card">
      <Heading>
        <Link href={`/initiatives/${hit.slug}`}>
          <Highlighted segments={hit.titleSegments} />
        </Link>
      </Heading>
      <p>
        <Highlighted segments={hit.excerpt} />
      </p>
      {(places || period) && (
        <p className="meta">
          {places}
          {places && period ? " · " : ""}
          {period}
        </p>
      )}
      {hit.approaches.length > 0 && (
        <ul className="tags" aria-label="Approches">
          {hit.approaches.map((approach) => (
            <li key={approach.slug} className="tag">
              {approach.label}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
