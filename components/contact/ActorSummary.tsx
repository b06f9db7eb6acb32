import Link from "next/link";
import { actorKindLabels } from "@/lib/format/labels";
import type { PublicActor } from "@/lib/public/actors";
import { ActorContactInline } from "./ContactDetails";

/**
 * An actor in a list (/acteurs, « Qui contacter »): kind, where it acts (and at which scale
 * when it covers the place from above), its approaches and how to reach it.
 */
export function ActorSummary({ actor, headingLevel = 3 }: { actor: PublicActor; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card actor-summary">
      <Heading>
        <Link href={`/acteurs/${actor.slug}`}>{actor.name}</Link>
        {actor.acronym && !actor.name.includes(actor.acronym) && ` (${actor.acronym})`}
      </Heading>
      <p className="meta">
        {actorKindLabels[actor.kind]}
        {actor.place && ` · ${actor.place.name}`}
        {actor.scale && (
          <>
            {" · "}
            <strong className="actor-summary__scale">{actor.scale}</strong>
          </>
        )}
        {!actor.place && actor.territory && ` · ${actor.territory.name}`}
      </p>
      {actor.approaches.length > 0 && <p className="meta">Approches : {actor.approaches.map((a) => a.label).join(", ")}</p>}
      <ActorContactInline contact={actor.contact} />
    </article>
  );
}
