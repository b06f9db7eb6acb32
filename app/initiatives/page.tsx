import type { Metadata } from "next";
import { PhoneDisclosure } from "@/components/layout/PhoneDisclosure";
import { WhoToContact } from "@/components/contact/WhoToContact";
import { Pagination } from "@/components/navigation/Pagination";
import { ActiveFilters } from "@/components/search/ActiveFilters";
import { ExportLinks } from "@/components/search/ExportLinks";
import { FacetFilters } from "@/components/search/FacetFilters";
import { PlaceScopeControl } from "@/components/search/PlaceScopeControl";
import { SearchEmptyState } from "@/components/search/SearchEmptyState";
import { QueryReading } from "@/components/search/QueryReading";
import { SearchFormShell } from "@/components/search/SearchFormShell";
import { SearchHitList } from "@/components/search/SearchHitList";
import { FollowLink } from "@/components/subscriptions/FollowLink";
import { plural, sortLabels } from "@/lib/format/labels";
import { expandedPlaces, placeFacet } from "@/lib/public/place-facet";
import { EXPAND_PARAM, search } from "@/lib/public/search";
import { countPublicSearch } from "@/lib/public/search-insights";
import { askedInitiativeSearch } from "@/lib/search/insights";
import { toHitCards } from "@/lib/search/hit-card";
import { resultCountText } from "@/lib/search/place-summary";
import { FILTER_KEYS, hasFilters, parseSearchQuery, sortParams, toSearchParams, withQuery } from "@/lib/search/query";

export const metadata: Metadata = { title: "Initiatives" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InitiativesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const query = parseSearchQuery(raw);
  const [place, result] = await Promise.all([
    placeFacet("/initiatives", query, raw),
    search(query, { expandTerritories: expandedPlaces(query, raw) }),
  ]);
  // Places read from the words (« discriminations Roubaix ») count as chosen places for the scope,
  // the split count and « Qui contacter »; the chips keep showing what the person chose.
  const searched = { ...query, territoire: [...new Set([...query.territoire, ...result.places.map((p) => p.code)])] };
  // The next pages of one search ask for nothing new.
  if (query.page === 1)
    await countPublicSearch(
      askedInitiativeSearch(
        query,
        result.places.map((p) => p.code),
        result.total,
      ),
    );
  const current = toSearchParams(query);
  if (place.query) current.set("lieu", place.query);
  for (const code of place.expanded) current.append(EXPAND_PARAM, code);
  // Other pages of the same state: the typed place and the open « voir les communes » stay.
  const hrefFor = (page: number) => {
    const params = new URLSearchParams(current);
    if (page > 1) params.set("page", String(page));
    else params.delete("page");
    return withQuery("/initiatives", params);
  };
  const status =
    result.total === 0
      ? "Aucune initiative ne correspond à votre recherche."
      : `${resultCountText(searched, result, "initiative trouvée", "initiatives trouvées")}${result.pageCount > 1 ? `, page ${result.page} sur ${result.pageCount}` : ""}`;

  const activeFilters = FILTER_KEYS.reduce((sum, key) => sum + query[key].length, 0);

  // Up to 640 px the results come first and the filters wait in a closed panel (globals.css).
  return (
    <div className="container">
      <h1>Initiatives</h1>
      <SearchFormShell current={current.toString()} label="Rechercher et filtrer les initiatives" className="search-layout">
        <div className="search-layout__bar">
          <div className="search-bar">
            <label htmlFor="q" className="search-bar__label">
              Mots-clés
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={200}
              placeholder="Ex. : discriminations, Roubaix, formation…"
            />
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
          <a href="#resultats" className="skip-to-results">
            Aller aux résultats
          </a>
        </div>
        <aside className="search-layout__facets" aria-label="Filtres">
          <PhoneDisclosure className="filter-panel" id="filtres" summary={activeFilters > 0 ? `Filtres (${activeFilters})` : "Filtres"}>
            <h2>Filtrer</h2>
            <PlaceScopeControl query={searched} placeCounts={result.placeCounts} />
            <FacetFilters query={query} facets={result.facets} place={place} />
            {place.expanded.map((code) => (
              <input key={code} type="hidden" name={EXPAND_PARAM} value={code} />
            ))}
            {/* Sticky on a phone, so that ticking a box visibly changes the count (announced by the status below). */}
            <p className="filter-panel__actions">
              <span className="filter-panel__count" aria-hidden="true">
                {plural(result.total, "initiative", "initiatives")}
              </span>
              <button type="submit">Appliquer les filtres</button>
              <a href="#resultats">Aller aux résultats</a>
            </p>
          </PhoneDisclosure>
        </aside>
        <section className="search-layout__results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Résultats
          </h2>
          <ActiveFilters query={query} facets={result.facets} />
          <p role="status" className="result-count" id="resultats" tabIndex={-1} data-results-focus>
            {status}
          </p>
          {hasFilters(query) && <FollowLink list="initiatives" filter={toSearchParams({ ...query, page: 1 }).toString()} />}
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
            <SearchEmptyState query={query} />
          )}
          <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
          {result.total > 0 && <ExportLinks query={query} total={result.total} />}
        </section>
      </SearchFormShell>
      {searched.territoire.length === 1 && <WhoToContact code={searched.territoire[0]!} scope={searched.portee} />}
    </div>
  );
}
