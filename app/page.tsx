import Link from "next/link";
import { InitiativeCard } from "@/components/initiatives/InitiativeCard";
import { evidenceLevelLabels, plural } from "@/lib/format/labels";
import { listApproaches } from "@/lib/public/catalogue";
import { getKeyFigures, latestInitiatives } from "@/lib/public/initiatives";
import { latestLessons } from "@/lib/public/lessons";
import { search } from "@/lib/public/search";
import { emptyQuery } from "@/lib/search/query";

export default async function HomePage() {
  const [figures, latest, approaches, lessons, overview] = await Promise.all([
    getKeyFigures(),
    latestInitiatives(6),
    listApproaches(),
    latestLessons(3),
    search(emptyQuery, { pageSize: 1 }),
  ]);
  const departements = overview.facets.territoire;
  return (
    <div className="container">
      <h1>Ce qui marche contre les discriminations dans les quartiers</h1>
      <p className="lead">
        Repères rassemble les initiatives, les acteurs et les enseignements repérés par l&apos;IREV pour lutter contre les discriminations
        et développer le pouvoir d&apos;agir des habitants des quartiers prioritaires des Hauts-de-France : qui a fait quoi, où, comment, et
        ce qu&apos;on en a appris.
      </p>

      <form action="/recherche" method="get" role="search" className="search-bar" aria-label="Rechercher dans Repères">
        <label htmlFor="home-q" className="visually-hidden">
          Rechercher des initiatives, des acteurs, des enseignements et des sources
        </label>
        <input
          id="home-q"
          type="search"
          name="q"
          maxLength={200}
          placeholder="Ex. : discriminations Roubaix, formation des professionnels…"
        />
        <button type="submit">Rechercher</button>
      </form>
      <p>
        Vous menez ou connaissez une action qui devrait y figurer ? <Link href="/proposer">Proposer une initiative</Link> (sans compte :
        l&apos;équipe de l&apos;IREV la relit avant de la publier).
      </p>

      <h2>Repères en chiffres</h2>
      <ul className="figures">
        <li>
          <strong>{figures.initiatives}</strong> {figures.initiatives > 1 ? "initiatives publiées" : "initiative publiée"}
        </li>
        <li>
          <strong>{figures.actors}</strong> {figures.actors > 1 ? "acteurs" : "acteur"}
        </li>
        <li>
          <strong>{figures.lessons}</strong> {figures.lessons > 1 ? "enseignements" : "enseignement"}
        </li>
        <li>
          <strong>{figures.territories}</strong> {figures.territories > 1 ? "territoires couverts" : "territoire couvert"}
        </li>
      </ul>

      <div className="grid-2">
        <section aria-labelledby="by-approach">
          <h2 id="by-approach">Par approche</h2>
          <ul className="entry-list">
            {approaches.map((approach) => (
              <li key={approach.slug}>
                <Link href={`/approches/${approach.slug}`}>{approach.label}</Link>{" "}
                <span className="meta">({approach.initiativeCount.toLocaleString("fr-FR")})</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="by-territory">
          <h2 id="by-territory">Par territoire</h2>
          <ul className="plain-list">
            {departements.map((territory) => (
              <li key={territory.value}>
                <Link href={`/territoires/${territory.value}`}>{territory.label}</Link>{" "}
                <span className="meta">({territory.count.toLocaleString("fr-FR")})</span>
              </li>
            ))}
          </ul>
          <form action="/initiatives" method="get" className="search-bar home-place">
            <label htmlFor="home-lieu" className="search-bar__label">
              Une commune, une intercommunalité, un quartier
            </label>
            <input id="home-lieu" type="search" name="lieu" maxLength={80} placeholder="Ex. : ACSO, Roubaix, 59512" />
            <button type="submit">Chercher ce lieu</button>
          </form>
        </section>
      </div>

      <h2>Dernières initiatives publiées</h2>
      {latest.length === 0 ? (
        <p>Aucune initiative n&apos;est encore publiée.</p>
      ) : (
        <ul className="card-list">
          {latest.map((initiative) => (
            <li key={initiative.id}>
              <InitiativeCard initiative={initiative} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/initiatives">Voir les {plural(figures.initiatives, "initiative")}</Link>
      </p>

      {lessons.length > 0 && (
        <section aria-labelledby="latest-lessons">
          <h2 id="latest-lessons">Derniers enseignements</h2>
          <ul className="card-list">
            {lessons.map((lesson) => (
              <li key={lesson.slug} className="card">
                <h3>
                  <Link href={`/enseignements/${lesson.slug}`}>{lesson.title}</Link>
                </h3>
                <p className="meta">
                  {evidenceLevelLabels[lesson.evidenceLevel]}
                  {lesson.source && ` · ${lesson.source.title}`}
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/enseignements">Tous les enseignements</Link>
          </p>
        </section>
      )}
    </div>
  );
}
