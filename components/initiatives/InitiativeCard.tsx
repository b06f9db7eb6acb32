import Link from "next/link";
import type { InitiativeListItem } from "@/lib/public/initiatives";
import { formatPeriod } from "@/lib/format/labels";

export function InitiativeCard({ initiative, headingLevel = 2 }: { initiative: InitiativeListItem; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const period = formatPeriod(initiative);
  const places = initiative.territories.map((t) => t.territory.name).join(", ");
  return (
    <article className="card">
      <Heading>
        <Link href={`/initiatives/${initiative.slug}`}>{initiative.title}</Link>
      </Heading>
      <p>{initiative.summary}</p>
      <p className="meta">
        {places}
        {places && period ? " · " : ""}
        {period}
      </p>
      {initiative.approaches.length > 0 && (
        <ul className="tags" aria-label="Approches">
          {initiative.approaches.map(({ approach }) => (
            <li key={approach.slug} className="tag">
              {approach.label}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
