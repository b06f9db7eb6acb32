import type { Metadata } from "next";
import { Pagination } from "@/components/navigation/Pagination";
import { ActiveFilters } from "@/components/search/ActiveFilters";
import { ExportLinks } from "@/components/search/ExportLinks";
import { FacetFilters } from "@/components/search/FacetFilters";
import { QueryReading } from "@/components/search/QueryReading";
import { SearchFormShell } from "@/components/search/SearchFormShell";
import { SearchHitList } from "@/components/search/SearchHitList";
import { plural, sortLabels } from "@/lib/format/labels";
import { findTerritories, placeQuerySchema, search } from "@/lib/public/search";
import { toHitCards } from "@/lib/search/hit-card";
import { hasFilters, parseSearchQuery, sortParams, toSearchParams } from "@/lib/search/query";

export const metadata: Metadata = { title: "Initiatives" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InitiativesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const query = parseSearchQuery(raw);
  const place = placeQuerySchema.parse(Array.isArray(raw.lieu) ? raw.lieu[0] : raw.lieu);
  const places = place ? await findTerritories(place) : [];
  const result = await search(query, { extraTerritories: places.map((p) => p.code) });
  const current = toSearchParams(query);
  if (place) current.set("lieu", place);
  const hrefFor = (page: number) => {
    const params = toSearchParams({ ...query, page }).toString();
    return params ? `/initiatives?${params}` : "/initiatives";
  };
  const status =
    result.total === 0
      ? "Aucune initiative ne correspond à votre recherche."
      : `${plural(result.total, "initiative trouvée", "initiatives trouvées")}${result.pageCount > 1 ? `, page ${result.page} sur ${result.pageCount}` : ""}`;

  return (
    <div className="container">
      <h1>Initiatives</h1>
        <SearchFormShell current={current.toString()} label="Rechercher et filtrer les initiatives" className="search-layout">
          <div className="search-layout__bar">
            <div className="search-bar">
              <label htmlFor="q" className="search-bar__label">
                Mots-clés
              </label>
              <input id="q" name="q" type="search" defaultValue={query.q} maxLength={200} placeholder="Ex. : discriminations, Roubaix, formation…" />
              <label htmlFor="tri">Trier par</label>
              <select id="tri" name="tri" defaultValue={query.tri}>
                {sortParams.map((value) => (
                  <option key={value} value={value}>
                    {sortLabels[value]}
                  </option>
                ))}
              </select>
              <button type="submit">Rechercher</button>
            </div>
          </div>
          <aside className="search-layout__facets" aria-label="Filtres">
            <h2>Filtrer</h2>
            <FacetFilters query={query} facets={result.facets} place={place} placeMatches={places.length} />
            <p>
              <button type="submit">Appliquer les filtres</button>
            </p>
          </aside>
          <section className="search-layout__results" aria-labelledby="results-heading">
            <h2 id="results-heading" className="visually-hidden">
              Résultats
            </h2>
            <ActiveFilters query={query} facets={result.facets} />
            <p role="status" className="result-count">
              {status}
            </p>
            <QueryReading query={query} places={result.places} droppedWords={result.droppedWords} />
            {result.correctedQuery && (
              <p className="meta">
                Peu de résultats pour « {query.q} » : la recherche inclut aussi « {result.correctedQuery} ».
              </p>
            )}
            {result.items.length > 0 ? (
              <SearchHitList hits={toHitCards(result.items)} />
            ) : result.total > 0 ? (
              <p>
                Cette page n&apos;existe pas. <a href={hrefFor(1)}>Revenir à la première page des résultats</a>.
              </p>
            ) : (
              hasFilters(query) && (
                <div className="empty-state">
                  <p>Essayez de retirer un filtre ci-dessus, de vérifier l&apos;orthographe ou d&apos;utiliser des mots plus généraux.</p>
                </div>
              )
            )}
            <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
            {result.total > 0 && <ExportLinks query={query} total={result.total} />}
          </section>
        </SearchFormShell>
    </div>
  );
}
