import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/navigation/Pagination";
import { SearchFormShell } from "@/components/search/SearchFormShell";
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
            <div>
              <label htmlFor="ltheme">Thème</label>
              <select id="ltheme" name="theme" defaultValue={query.theme ?? ""}>
                <option value="">Tous les thèmes</option>
                {choices.themes.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="lapproche">Approche</label>
              <select id="lapproche" name="approche" defaultValue={query.approche ?? ""}>
                <option value="">Toutes les approches</option>
                {choices.approaches.map((a) => (
                  <option key={a.slug} value={a.slug}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="lsource">Source</label>
              <select id="lsource" name="source" defaultValue={query.source ?? ""}>
                <option value="">Toutes les sources</option>
                {choices.sources.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.title}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="lniveau">Niveau de preuve</label>
              <select id="lniveau" name="niveau" defaultValue={query.niveau ?? ""}>
                <option value="">Tous les niveaux</option>
                {Object.entries(evidenceParams).map(([param, level]) => (
                  <option key={param} value={param}>
                    {evidenceLevelLabels[level]}
                  </option>
                ))}
              </select>
            </div>
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
