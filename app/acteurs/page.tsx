import type { Metadata } from "next";
import Link from "next/link";
import { ActorSummary } from "@/components/contact/ActorSummary";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { Pagination } from "@/components/navigation/Pagination";
import { SearchFormShell } from "@/components/search/SearchFormShell";
import { actorKindLabels, plural, territoryKindLabels } from "@/lib/format/labels";
import { PlaceChoiceFields } from "@/components/search/PlaceChoiceFields";
import {
  ACTOR_PAGE_SIZE,
  actorApproachChoices,
  actorQueryString,
  parseActorQuery,
  searchActors,
  type ActorSearchResult,
} from "@/lib/public/actors";
import { choosePlace } from "@/lib/public/search";
import { actorKindParams, withQuery } from "@/lib/search/query";

export const metadata: Metadata = { title: "Acteurs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function countText(result: ActorSearchResult) {
  if (result.total === 0) return "Aucun acteur ne correspond à votre recherche.";
  const found = plural(result.total, "acteur trouvé", "acteurs trouvés");
  const pages = result.pageCount > 1 ? `, page ${result.page} sur ${result.pageCount}` : "";
  if (!result.place) return `${found}${pages}`;
  return `${found} : ${plural(result.local, "acteur", "acteurs")} à ${result.place.name}, ${plural(result.total - result.local, "acteur", "acteurs")} à plus grande échelle${pages}`;
}

export default async function ActorsPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseActorQuery(await searchParams);
  // The typed place is resolved once; the form then holds its code (a box to untick), so that the
  // next change of a filter keeps it.
  const choice = await choosePlace(parsed.lieu, parsed.territoire);
  const query = { ...parsed, lieu: "", territoire: choice.place?.code };
  const [result, approaches] = await Promise.all([searchActors(query, ACTOR_PAGE_SIZE, choice), actorApproachChoices()]);
  const hrefFor = (page: number) => withQuery("/acteurs", actorQueryString(query, page));
  const filtered = Boolean(query.q || parsed.lieu || parsed.territoire || query.type || query.approche);
  return (
    <div className="container">
      <h1>Acteurs</h1>
      <p className="lead">Les structures qui portent, financent ou accompagnent les initiatives, et comment les joindre.</p>
      <SearchFormShell current={actorQueryString(query)} label="Rechercher et filtrer les acteurs" className="actor-filters">
        <div className="filter-row">
          <div className="field">
            <label htmlFor="aq">Nom ou mots-clés</label>
            <input id="aq" name="q" type="search" defaultValue={query.q} maxLength={200} />
          </div>
          <PlaceChoiceFields idPrefix="a" place={result.place} scope={query.portee} label="Lieu" />
          <FilterSelect
            id="atype"
            name="type"
            label="Type d'acteur"
            allLabel="Tous les types"
            value={query.type}
            options={Object.entries(actorKindParams).map(([value, kind]) => ({ value, label: actorKindLabels[kind] }))}
          />
          <FilterSelect
            id="aapproche"
            name="approche"
            label="Approche"
            allLabel="Toutes les approches"
            value={query.approche}
            options={approaches.map((a) => ({ value: a.slug, label: a.label }))}
          />
        </div>
        <p>
          <button type="submit">Rechercher</button> {filtered && <Link href="/acteurs">Réinitialiser</Link>}
        </p>
      </SearchFormShell>
      {result.place && parsed.lieu && (
        <p className="meta">
          Lieu compris : <Link href={`/territoires/${result.place.code}`}>{result.place.name}</Link> (
          {territoryKindLabels[result.place.kind].toLowerCase()}).
        </p>
      )}
      {result.placeNotFound && (
        <p className="meta">
          Aucun lieu ne correspond à « {choice.typed || parsed.territoire} » : vérifiez l&apos;orthographe ou essayez le code postal ou
          officiel.
        </p>
      )}
      <p role="status" className="result-count">
        {countText(result)}
      </p>
      {result.items.length > 0 ? (
        <ul className="card-list">
          {result.items.map((actor) => (
            <li key={actor.slug}>
              <ActorSummary actor={actor} headingLevel={2} />
            </li>
          ))}
        </ul>
      ) : result.total > 0 ? (
        <p>
          Cette page n&apos;existe pas. <Link href={hrefFor(1)}>Revenir à la première page des résultats</Link>.
        </p>
      ) : (
        filtered && (
          <div className="empty-state">
            <p>
              Essayez de retirer un filtre, d&apos;élargir la portée au lieu et à plus grande échelle, ou{" "}
              <Link href="/acteurs">voyez tous les acteurs</Link>.
            </p>
          </div>
        )
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
    </div>
  );
}
