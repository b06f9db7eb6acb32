import Link from "next/link";
import { plural } from "@/lib/format/labels";
import { whoToContact } from "@/lib/public/actors";
import { PLACE_SCOPE_PARAM, type PlaceScope } from "@/lib/search/place-scope";
import { ActorSummary } from "./ActorSummary";

/**
 * « Qui contacter » for a place: public actors active in it, then those covering it from a
 * larger territory, each with its scale, its approaches and its public contact.
 */
export async function WhoToContact({ code, scope = "tous" }: { code: string; scope?: PlaceScope }) {
  const found = await whoToContact(code, scope);
  if (!found) return null;
  const { place, items, total, local } = found;
  const headingId = `qui-contacter-${place.code}`;
  const params = new URLSearchParams({ territoire: place.code });
  if (scope !== "tous") params.set(PLACE_SCOPE_PARAM, scope);
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
            Acteurs qui interviennent ici, puis à plus grande échelle : {plural(local, "acteur", "acteurs")} à {place.name},{" "}
            {plural(total - local, "acteur", "acteurs")} à plus grande échelle.
          </p>
          <ul className="card-list">
            {items.map((actor) => (
              <li key={actor.slug}>
                <ActorSummary actor={actor} />
              </li>
            ))}
          </ul>
          <p>
            <Link href={`/acteurs?${params}`}>
              {total > items.length ? `Voir les ${total} acteurs pour ${place.name}` : `Filtrer les acteurs pour ${place.name}`}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
