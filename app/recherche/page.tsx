import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PlaceChoiceFields } from "@/components/search/PlaceChoiceFields";
import { LessonCard } from "@/components/lessons/LessonCard";
import { PlaceNotice } from "@/components/search/PlaceNotice";
import { SearchHitList } from "@/components/search/SearchHitList";
import { ProposeItem } from "@/components/proposals/ProposeItem";
import { actorKindLabels, formatSourceDate, plural, sourceKindLabels } from "@/lib/format/labels";
import { choosePlace } from "@/lib/public/search";
import { countPublicSearch } from "@/lib/public/search-insights";
import { askedUnifiedSearch } from "@/lib/search/insights";
import { parseUnifiedQuery, readUnifiedWords, sharedParams, unifiedSearch } from "@/lib/public/unified-search";
import { MAX_QUERY_LENGTH, withQuery } from "@/lib/search/query";

export const metadata: Metadata = { title: "Recherche", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One kind's share of the answer: heading with its count, first entries, link to its full list. */
function Group({
  id,
  title,
  total,
  more,
  empty,
  children,
}: {
  id: string;
  title: string;
  total: number;
  more: ReactNode;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="result-group">
      <h2 id={id}>
        {title} <span className="meta">({total.toLocaleString("fr-FR")})</span>
      </h2>
      {total === 0 ? <p>{empty}</p> : children}
      {total > 0 && <p className="result-group__more">{more}</p>}
    </section>
  );
}

export default async function UnifiedSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseUnifiedQuery(await searchParams);
  const choice = await choosePlace(query.lieu, query.territoire);
  const reading = await readUnifiedWords(query.q, choice.place, query.interpreter);
  const { place, q: words } = reading;
  const asked = Boolean(words || place);
  const result = asked ? await unifiedSearch(words, place, query.portee) : null;
  const params = sharedParams(words, place?.code ?? null, query.portee).toString();
  const withParams = (path: string) => withQuery(path, params);
  const total = result ? result.initiatives.total + result.actors.total + result.lessons.total + result.sources.total : 0;
  if (result) await countPublicSearch(askedUnifiedSearch(query.q, place?.code ?? null, query.portee, total));
  const where = place ? ` pour ${place.name}` : "";
  return (
    <div className="container">
      <h1>{query.q ? `Résultats pour « ${query.q} »` : "Rechercher dans Repères"}</h1>
      <form action="/recherche" method="get" role="search" aria-label="Rechercher dans Repères" className="unified-form">
        <div className="search-bar">
          <label htmlFor="rq" className="search-bar__label">
            Mots-clés
          </label>
          <input id="rq" name="q" type="search" defaultValue={query.q} maxLength={MAX_QUERY_LENGTH} />
        </div>
        <div className="filter-row">
          <PlaceChoiceFields idPrefix="r" place={place} scope={query.portee} label="Lieu (facultatif)" />
        </div>
        <p>
          <button type="submit">Rechercher</button>
        </p>
      </form>
      {reading.understood.length > 0 && (
        <p className="meta query-reading">
          {reading.understood.map((read) => `« ${read.words} »`).join(", ")} compris comme lieu ({place?.name}).{" "}
          <Link href={`/recherche?${new URLSearchParams({ q: query.q, interpreter: "non" })}`}>Chercher ces mots dans le texte</Link>
        </p>
      )}
      <PlaceNotice choice={choice} hrefFor={(code) => `/recherche?${sharedParams(query.q, code, query.portee)}`} />
      {!result ? (
        <p>Tapez quelques mots (un problème, une approche, un acteur) et, si vous le souhaitez, un lieu.</p>
      ) : (
        <>
          <p role="status" className="result-count">
            {total === 0
              ? `Aucun résultat${where}.`
              : `${plural(total, "résultat")}${where} : ${plural(result.initiatives.total, "initiative")}, ${plural(result.actors.total, "acteur")}, ${plural(result.lessons.total, "enseignement")}, ${plural(result.sources.total, "source")}.`}
          </p>
          {total === 0 ? (
            <section aria-labelledby="next-steps" className="empty-state">
              <h2 id="next-steps">Pistes pour continuer</h2>
              <ul>
                {place && words && (
                  <li>
                    <Link href={`/recherche?${new URLSearchParams({ q: words })}`}>Chercher « {words} » sans le lieu</Link>
                  </li>
                )}
                {place && query.portee !== "tous" && (
                  <li>
                    <Link href={`/recherche?${sharedParams(words, place.code, "tous")}`}>
                      Voir aussi ce qui couvre {place.name} ou s&apos;y trouve
                    </Link>
                  </li>
                )}
                <li>Vérifiez l&apos;orthographe, ou essayez un mot plus général.</li>
                <li>
                  <Link href="/approches">Parcourir les approches</Link> ou <Link href="/themes">les thèmes</Link>
                </li>
                <ProposeItem />
              </ul>
            </section>
          ) : (
            <>
              <Group
                id="group-initiatives"
                title="Initiatives"
                total={result.initiatives.total}
                empty="Aucune initiative."
                more={
                  <Link href={withParams("/initiatives")}>
                    Voir {result.initiatives.total > 1 ? `les ${plural(result.initiatives.total, "initiative")}` : "l'initiative"}
                  </Link>
                }
              >
                <SearchHitList hits={result.initiatives.items} headingLevel={3} />
              </Group>
              <Group
                id="group-lessons"
                title="Enseignements"
                total={result.lessons.total}
                empty="Aucun enseignement."
                more={
                  <Link href={withParams("/enseignements")}>
                    Voir {result.lessons.total > 1 ? `les ${plural(result.lessons.total, "enseignement")}` : "l'enseignement"}
                  </Link>
                }
              >
                <ul className="card-list">
                  {result.lessons.items.map((lesson) => (
                    <li key={lesson.slug}>
                      <LessonCard lesson={lesson} headingLevel={3} />
                    </li>
                  ))}
                </ul>
              </Group>
              <Group
                id="group-actors"
                title="Acteurs"
                total={result.actors.total}
                empty="Aucun acteur."
                more={
                  <Link href={withParams("/acteurs")}>
                    Voir {result.actors.total > 1 ? `les ${plural(result.actors.total, "acteur")}` : "l'acteur"}
                  </Link>
                }
              >
                <ul className="card-list">
                  {result.actors.items.map((actor) => (
                    <li key={actor.slug} className="card">
                      <h3>
                        <Link href={`/acteurs/${actor.slug}`}>{actor.name}</Link>
                      </h3>
                      <p className="meta">
                        {actorKindLabels[actor.kind as keyof typeof actorKindLabels]}
                        {actor.territory && ` · ${actor.territory}`}
                        {actor.scale && ` · ${actor.scale}`}
                      </p>
                    </li>
                  ))}
                </ul>
              </Group>
              <Group
                id="group-sources"
                title="Sources et documents"
                total={result.sources.total}
                empty="Aucune source ni aucun document."
                // Sources have no public list of their own: what they bring to the base are lessons.
                more={<Link href={withParams("/enseignements")}>Voir les enseignements tirés des sources</Link>}
              >
                <ul className="card-list">
                  {result.sources.items.map((source) => (
                    <li key={source.slug} className="card">
                      <h3>
                        {source.url ? (
                          <a href={source.url} rel="noopener noreferrer">
                            {source.title}
                          </a>
                        ) : (
                          source.title
                        )}
                      </h3>
                      <p className="meta">
                        {sourceKindLabels[source.kind]}
                        {source.date && `, ${formatSourceDate(source.date, source.kind)}`}
                        {source.lessonCount > 0 && (
                          <>
                            {" · "}
                            <Link href={`/enseignements?${new URLSearchParams({ source: source.slug })}`}>
                              {plural(source.lessonCount, "enseignement tiré", "enseignements tirés")} de cette source
                            </Link>
                          </>
                        )}
                      </p>
                    </li>
                  ))}
                </ul>
              </Group>
            </>
          )}
        </>
      )}
    </div>
  );
}
