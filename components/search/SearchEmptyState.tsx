import Link from "next/link";
import { ProposeItem } from "@/components/proposals/ProposeItem";
import { type SearchQuery, hasFilters } from "@/lib/search/query";

/**
 * What to do when a search finds nothing: the ways out, as links, instead of a dead end.
 * The active filters above are already links that remove them one by one.
 */
export function SearchEmptyState({ query }: { query: SearchQuery }) {
  const filtered = hasFilters(query);
  return (
    <div className="empty-state">
      <h3>Pistes pour trouver quand même</h3>
      <ul>
        {query.territoire.length > 0 && <li>Choisissez un lieu plus large (l&apos;agglomération, le département ou la région).</li>}
        {filtered && (
          <li>
            Essayez de retirer un filtre ci-dessus, ou <Link href="/initiatives">recommencez sans filtre</Link>.
          </li>
        )}
        {query.q && <li>Vérifiez l&apos;orthographe, utilisez moins de mots ou des mots plus généraux.</li>}
        <li>
          Parcourez les <Link href="/approches">approches</Link> (ce qu&apos;elles sont et à quelles conditions elles réussissent), les{" "}
          <Link href="/themes">thèmes</Link> ou les <Link href="/enseignements">enseignements</Link>.
        </li>
        <li>
          Voyez ce qui existe par territoire sur la <Link href="/carte">carte</Link>.
        </li>
        <ProposeItem />
      </ul>
    </div>
  );
}
