import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/navigation/Pagination";
import { SearchFormShell } from "@/components/search/SearchFormShell";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { evidenceLevelLabels, plural } from "@/lib/format/labels";
import { evidenceParams, lessonFilterChoices, lessonQueryString, parseLessonQuery, searchLessons } from "@/lib/public/lessons";

export const metadata: Metadata = { title: "Enseignements" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LessonsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseLessonQuery(await searchParams);
  const [result, choices] = await Promise.all([searchLessons(query), lessonFilterChoices()]);
  const hrefFor = (page: number) => {
    const params = lessonQueryString(query, page);
    return params ? `/enseignements?${params}` : "/enseignements";
  };
  const filtered = Boolean(query.q || query.theme || query.approche || query.source || query.niveau);
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
            <FilterSelect id="ltheme" name="theme" label="Thème" allLabel="Tous les thèmes" value={query.theme} options={choices.themes.map((t) => ({ value: t.slug, label: t.label }))} />
            <FilterSelect
              id="lapproche"
              name="approche"
              label="Approche"
              allLabel="Toutes les approches"
              value={query.approche}
              options={choices.approaches.map((a) => ({ value: a.slug, label: a.label }))}
            />
            <FilterSelect id="lsource" name="source" label="Source" allLabel="Toutes les sources" value={query.source} options={choices.sources.map((s) => ({ value: s.slug, label: s.title }))} />
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
      <p role="status" className="result-count">
        {result.total === 0 ? "Aucun enseignement ne correspond à votre recherche." : plural(result.total, "enseignement trouvé", "enseignements trouvés")}
      </p>
      {result.items.length > 0 && (
        <ul className="card-list">
          {result.items.map((lesson) => (
            <li key={lesson.slug} className="card">
              <h2>
                <Link href={`/enseignements/${lesson.slug}`}>{lesson.title}</Link>
              </h2>
              <p className="meta">
                {evidenceLevelLabels[lesson.evidenceLevel]}
                {lesson.source && ` · Source : ${lesson.source.title}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
    </div>
  );
}
