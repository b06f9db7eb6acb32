import { InitiativeCardLayout } from "@/components/initiatives/InitiativeCardLayout";
import { formatPeriod } from "@/lib/format/labels";
import type { SearchHit } from "@/lib/search/service";
import { Highlighted } from "./Highlighted";

export function SearchHitCard({ hit, headingLevel = 2 }: { hit: SearchHit; headingLevel?: 2 | 3 }) {
  return (
    <InitiativeCardLayout
      slug={hit.slug}
      title={<Highlighted segments={hit.titleSegments} />}
      text={<Highlighted segments={hit.excerpt} />}
      places={hit.territories.map((t) => t.name)}
      period={formatPeriod(hit)}
      approaches={hit.approaches}
      headingLevel={headingLevel}
    />
  );
}
