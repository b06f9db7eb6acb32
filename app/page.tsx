import Link from "next/link";
import { InitiativeCard } from "@/components/initiatives/InitiativeCard";
import { getKeyFigures, listPublishedInitiatives } from "@/lib/public/initiatives";
import { plural } from "@/lib/format/labels";

export default async function HomePage() {
  const [figures, latest] = await Promise.all([getKeyFigures(), listPublishedInitiatives(1)]);
  return (
    <div className="container">
      <h1>Ce qui marche contre les discriminations dans les quartiers</h1>
      <p className="lead">
        Repères rassemble les initiatives, les acteurs et les enseignements repérés par l&apos;IREV pour lutter contre les
        discriminations et développer le pouvoir d&apos;agir des habitants des quartiers prioritaires des Hauts-de-France : qui a
        fait quoi, où, comment, et ce qu&apos;on en a appris.
      </p>

      <form action="/initiatives" method="get" role="search" className="search-bar" aria-label="Rechercher une initiative">
        <label htmlFor="home-q" className="visually-hidden">
          Rechercher une initiative
        </label>
        <input id="home-q" type="search" name="q" placeholder="Ex. : discriminations Roubaix, formation des professionnels…" />
        <button type="submit">Rechercher</button>
      </form>

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

      <h2>Dernières initiatives publiées</h2>
      {latest.items.length === 0 ? (
        <p>Aucune initiative n&apos;est encore publiée.</p>
      ) : (
        <ul className="card-list">
          {latest.items.slice(0, 6).map((initiative) => (
            <li key={initiative.id}>
              <InitiativeCard initiative={initiative} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/initiatives">Voir les {plural(latest.total, "initiative")}</Link>
      </p>
    </div>
  );
}
