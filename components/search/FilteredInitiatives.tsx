import Link from "next/link";
import type { ReactNode } from "react";
import { Pagination } from "@/components/navigation/Pagination";
import { type SearchQuery, toSearchParams } from "@/lib/search/query";
import { toHitCards } from "@/lib/search/hit-card";
import { resultCountText } from "@/lib/search/place-summary";
import type { SearchResult } from "@/lib/search/types";
import { SearchHitList } from "./SearchHitList";

/** Where to go from a page with no initiative yet, unless the page offers better next steps. */
function DefaultNextSteps() {
  return (
    <div className="empty-state">
      <p>Pour aller plus loin :</p>
      <ul>
        <li>
          <Link href="/initiatives">chercher dans toutes les initiatives</Link> ;
        </li>
        <li>
          parcourir les <Link href="/approches">approches</Link>, avec leurs conditions de réussite ;
        </li>
        <li>
          voir ce qui existe ailleurs sur la <Link href="/carte">carte</Link>.
        </li>
      </ul>
    </div>
  );
}

/**
 * The public initiatives of a theme, an approach or a territory: the same search as
 * /initiatives with one filter, paginated on the page itself, with a link to refine it.
 * `basePath` may carry a query string of its own (an approach page filtered by place).
 */
export function FilteredInitiatives({
  result,
  query,
  basePath,
  heading = "Initiatives",
  nextSteps = <DefaultNextSteps />,
}: {
  result: SearchResult;
  query: SearchQuery;
  basePath: string;
  heading?: string;
  /** Shown when there is no initiative: what to read or where to look instead. */
  nextSteps?: ReactNode;
}) {
  const refine = `/initiatives?${toSearchParams({ ...query, page: 1 }).toString()}`;
  const pageHref = (page: number) => (page > 1 ? `${basePath}${basePath.includes("?") ? "&" : "?"}page=${page}` : basePath);
  return (
    <section aria-labelledby="initiatives-heading">
      <h2 id="initiatives-heading">{heading}</h2>
      <p>
        {result.total === 0
          ? "Aucune initiative publiée pour l'instant."
          : resultCountText(query, result, "initiative publiée", "initiatives publiées")}
        {result.total > 0 && (
          <>
            {" · "}
            <Link href={refine}>Affiner dans la recherche</Link>
          </>
        )}
      </p>
      {result.items.length > 0 && <SearchHitList hits={toHitCards(result.items)} headingLevel={3} />}
      {result.total === 0 && nextSteps}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={pageHref} />
    </section>
  );
}
