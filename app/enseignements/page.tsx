import type { Metadata } from "next";
import Link from "next/link";
import { LessonCard } from "@/components/lessons/LessonCard";
import { Pagination } from "@/components/navigation/Pagination";
import { PlaceNotice } from "@/components/search/PlaceNotice";
import { SearchFormShell } from "@/components/search/SearchFormShell";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { FollowLink } from "@/components/subscriptions/FollowLink";
import { PlaceChoiceFields } from "@/components/search/PlaceChoiceFields";
import { evidenceLevelLabels, plural } from "@/lib/format/labels";
import {
  evidenceParams,
  type LessonQuery,
  lessonFilterChoices,
  lessonQueryString,
  parseLessonQuery,
  searchLessons,
} from "@/lib/public/lessons";
import { choosePlace } from "@/lib/public/search";
import { withQuery } from "@/lib/search/query";

export const metadata: Metadata = { title: "Enseignements" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LessonsPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseLessonQuery(await searchParams);
  const choice = await choosePlace(parsed.lieu, parsed.territoire);
  const query: LessonQuery = { ...parsed, lieu: "", territoire: choice.place?.code };
  const place = choice.place;
  const [result, choices] = await Promise.all([searchLessons(query), lessonFilterChoices()]);
  const hrefWith = (changes: Partial<LessonQuery>, page = 1) =>
    withQuery("/enseignements", lessonQueryString({ ...query, ...changes }, page));
  const filtered = Boolean(query.q || query.theme || query.approche || query.source || query.niveau || place);
  const covering = result.local === null ? 0 : result.total - result.local;
  return (
    <div className="container">
      <h1>Enseignements</h1>
      <p className="lead">Ce que les praticiens ont appris, avec la source et le niveau de preuve de chaque enseignement.</p>
      <SearchFormShell current={lessonQueryString(query)} label="Rechercher et filtrer les enseignements" className="lesson-filters">
        <div className="search-bar">
          <label htmlFor="lq" className="search-bar__label">
            Mots-clés
          </label>
          <input id="lq" name="q" type="search" defaultValue={query.q} maxLength={200} />
        </div>
        <div className="filter-row">
          <PlaceChoiceFields idPrefix="l" place={place} scope={query.portee} label="Lieu" />
        </div>
        <div className="filter-row">
          <FilterSelect
            id="ltheme"
            name="theme"
            label="Thème"
            allLabel="Tous les thèmes"
            value={query.theme}
            options={choices.themes.map((t) => ({ value: t.slug, label: t.label }))}
          />
          <FilterSelect
            id="lapproche"
            name="approche"
            label="Approche"
            allLabel="Toutes les approches"
            value={query.approche}
            options={choices.approaches.map((a) => ({ value: a.slug, label: a.label }))}
          />
          <FilterSelect
            id="lsource"
            name="source"
            label="Source"
            allLabel="Toutes les sources"
            value={query.source}
            options={choices.sources.map((s) => ({ value: s.slug, label: s.title }))}
          />
          <FilterSelect
            id="lniveau"
            name="niveau"
            label="Niveau de preuve"
            allLabel="Tous les niveaux"
            value={query.niveau}
            options={Object.entries(evidenceParams).map(([value, level]) => ({ value, label: evidenceLevelLabels[level] }))}
          />
        </div>
        <p>
          <button type="submit">Rechercher</button> {filtered && <Link href="/enseignements">Réinitialiser</Link>}
        </p>
      </SearchFormShell>
      <PlaceNotice choice={choice} hrefFor={(code) => hrefWith({ territoire: code })} />
      <p role="status" className="result-count">
        {result.total === 0
          ? "Aucun enseignement ne correspond à votre recherche."
          : plural(result.total, "enseignement trouvé", "enseignements trouvés") +
            (place && query.portee === "tous" ? ` : ${result.local} à ${place.name} même, ${covering} à plus grande échelle` : "")}
      </p>
      {filtered && <FollowLink list="enseignements" filter={lessonQueryString(query, 1)} />}
      {result.items.length > 0 ? (
        <ul className="card-list">
          {result.items.map((lesson) => (
            <li key={lesson.slug}>
              <LessonCard lesson={lesson} />
            </li>
          ))}
        </ul>
      ) : (
        <section aria-labelledby="next-steps" className="empty-state">
          <h2 id="next-steps">Pistes pour continuer</h2>
          <ul>
            {place && query.portee !== "tous" && (
              <li>
                <Link href={hrefWith({ portee: "tous" })}>Voir aussi ce qui couvre {place.name} ou s&apos;y trouve</Link>
              </li>
            )}
            {place && (
              <li>
                <Link href={hrefWith({ territoire: undefined })}>Chercher sans le lieu {place.name}</Link>
              </li>
            )}
            {query.q && (query.theme || query.approche || query.source || query.niveau) && (
              <li>
                <Link href={hrefWith({ theme: undefined, approche: undefined, source: undefined, niveau: undefined })}>
                  Garder les mots-clés, sans les autres filtres
                </Link>
              </li>
            )}
            {query.q && (
              <li>
                <Link href={`/recherche?${new URLSearchParams({ q: query.q })}`}>
                  Chercher « {query.q} » dans les initiatives, les acteurs et les sources
                </Link>
              </li>
            )}
            {query.approche && (
              <li>
                <Link href={`/approches/${query.approche}`}>Lire la définition de cette approche et ses initiatives</Link>
              </li>
            )}
            <li>
              <Link href="/enseignements">Voir tous les enseignements</Link>
            </li>
          </ul>
        </section>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => hrefWith({}, page)} />
    </div>
  );
}
