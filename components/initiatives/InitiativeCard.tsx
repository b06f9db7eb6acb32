import { formatPeriod } from "@/lib/format/labels";
import type { InitiativeListItem } from "@/lib/public/initiatives";
import { InitiativeCardLayout } from "./InitiativeCardLayout";

export function InitiativeCard({ initiative, headingLevel = 2 }: { initiative: InitiativeListItem; headingLevel?: 2 | 3 }) {
  return (
    <InitiativeCardLayout
      slug={initiative.slug}
      title={initiative.title}
      text={initiative.summary}
      places={initiative.territories.map((t) => t.territory.name)}
      period={formatPeriod(initiative)}
      approaches={initiative.approaches.map(({ approach }) => approach)}
      headingLevel={headingLevel}
    />
  );
}
