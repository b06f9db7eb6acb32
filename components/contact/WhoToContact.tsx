import Link from "next/link";
import { plural } from "@/lib/format/labels";
import { whoToContact } from "@/lib/public/actors";
import type { PlaceScope } from "@/lib/search/place-scope";
import { ActorSummary } from "./ActorSummary";

/**
 * « Qui contacter » for a place: public actors active in it, then those covering it from a
 * larger territory, each with its scale, its approaches and its public contact.
 */
export async function WhoToContact({ place, scope = "tous" }: { place: { code: string; name: string }; scope?: PlaceScope }) {
  const { items, total, local } = await whoToContact(place.code, scope);
  const headingId = `qui-contacter-${place.code}`;
  const listHref = `/acteurs?territoire=${encodeURIComponent(place.code)}${scope === "tous" ? "" : `&portee=${scope}`}`;
  return (
    <section className="who-to-contact" aria-labelledby={headingId}>
      <h2 id={headingId}>Qui contacter</h2>
      {total === 0 ? (
        <p>
          Aucun acteur publié n&apos;intervient à {place.name} ni à plus grande échelle. <Link href="/acteurs">Voir tous les acteurs</Link>.
        </p>
      ) : (
        <>
          <p className="meta">
            {plural(local, "acteur", "acteurs")} à {place.name}, {plural(total - local, "acteur", "acteurs")} à plus grande échelle.
          </p>
          <ul className="card-list">
            {items.map((actor) => (
              <li key={actor.slug}>
                <ActorSummary actor={actor} />
              </li>
            ))}
          </ul>
          {total > items.length && (
            <p>
              <Link href={listHref}>Voir les {total} acteurs pour {place.name}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
