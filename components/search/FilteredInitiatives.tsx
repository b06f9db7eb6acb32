import Link from "next/link";
import { Pagination } from "@/components/navigation/Pagination";
import { type SearchQuery, toSearchParams } from "@/lib/search/query";
import { toHitCards } from "@/lib/search/hit-card";
import { resultCountText } from "@/lib/search/place-summary";
import type { SearchResult } from "@/lib/search/service";
import { SearchHitList } from "./SearchHitList";

/**
 * The public initiatives of a theme, an approach or a territory: the same search as
 * /initiatives with one filter, paginated on the page itself, with a link to refine it.
 */
export function FilteredInitiatives({ result, query, basePath }: { result: SearchResult; query: SearchQuery; basePath: string }) {
  const refine = `/initiatives?${toSearchParams({ ...query, page: 1 }).toString()}`;
  return (
    <section aria-labelledby="initiatives-heading">
      <h2 id="initiatives-heading">Initiatives</h2>
      <p>
        {result.total === 0 ? "Aucune initiative publiée pour l'instant." : resultCountText(query, result, "initiative publiée", "initiatives publiées")}
        {result.total > 0 && (
          <>
            {" · "}
            <Link href={refine}>Affiner dans la recherche</Link>
          </>
        )}
      </p>
      {result.items.length > 0 && <SearchHitList hits={toHitCards(result.items)} headingLevel={3} />}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => (page > 1 ? `${basePath}?page=${page}` : basePath)} />
    </section>
  );
}
