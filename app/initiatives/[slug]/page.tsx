import type { Metadata } from "next";
import Link from "next/link";
import { CorrectionLink } from "@/components/proposals/CorrectionPage";
import { ActorContactInline, ContactPersonLines } from "@/components/contact/ContactDetails";
import { notFound } from "next/navigation";
import { RichText } from "@/components/content/RichText";
import { SourceCitation } from "@/components/content/SourceCitation";
import { actorRoleLabels, evidenceLevelLabels, formatDate, formatPeriod, formatSourceDate, territoryKindLabels } from "@/lib/format/labels";
import { JsonLd } from "@/components/content/JsonLd";
import { DossierToggle } from "@/components/dossier/DossierToggle";
import { InitiativeCard } from "@/components/initiatives/InitiativeCard";
import "@/components/initiatives/print.css";
import { initiativeJsonLd, openGraph } from "@/lib/opendata/structured-data";
import { getPublishedInitiative, relatedInitiatives } from "@/lib/public/initiatives";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const initiative = await getPublishedInitiative((await params).slug);
  return initiative
    ? {
        title: initiative.title,
        description: initiative.summary,
        openGraph: openGraph({
          title: initiative.title,
          description: initiative.summary,
          path: `/initiatives/${initiative.slug}`,
          type: "article",
        }),
        alternates: { types: { "application/pdf": `/initiatives/${initiative.slug}/fiche.pdf` } },
      }
    : { title: "Page introuvable" };
}

function Section({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <section>
      <h2>{title}</h2>
      <RichText text={text} />
    </section>
  );
}

export default async function InitiativePage({ params }: Params) {
  const initiative = await getPublishedInitiative((await params).slug);
  if (!initiative) notFound();
  const related = await relatedInitiatives(initiative.id);
  const period = formatPeriod(initiative);

  return (
    <div className="container">
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <ol>
          <li>
            <Link href="/">Accueil</Link>
          </li>
          <li>
            <Link href="/initiatives">Initiatives</Link>
          </li>
          <li aria-current="page">{initiative.title}</li>
        </ol>
      </nav>
      <h1>{initiative.title}</h1>
      <p className="lead">{initiative.summary}</p>
      <DossierToggle kind="initiative" slug={initiative.slug} title={initiative.title} />
      <JsonLd data={initiativeJsonLd(initiative)} />
      <p className="no-print">
        <a href={`/initiatives/${initiative.slug}/fiche.pdf`}>Télécharger la fiche en PDF</a> (A4, pour imprimer ou joindre à un document)
      </p>
      <CorrectionLink kind="initiative" slug={initiative.slug} />

      <div className="grid-2">
        <div>
          <Section title="Description" text={initiative.description} />
          <Section title="Objectifs" text={initiative.objectives} />
          <Section title="Moyens" text={initiative.means} />
          <Section title="Financement" text={initiative.funding} />
          <Section title="Résultats" text={initiative.results} />

          {initiative.lessons.length > 0 && (
            <section>
              <h2>Enseignements</h2>
              <ul className="card-list">
                {initiative.lessons.map(({ lesson }) => (
                  <li key={lesson.slug} className="card">
                    <h3>
                      <Link href={`/enseignements/${lesson.slug}`}>{lesson.title}</Link>
                    </h3>
                    <RichText text={lesson.body} />
                    <p className="meta">
                      {evidenceLevelLabels[lesson.evidenceLevel]}
                      {lesson.source && (
                        <>
                          {" · Source : "}
                          {lesson.source.title}
                          {lesson.source.date && `, ${formatSourceDate(lesson.source.date, lesson.source.kind)}`}
                        </>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>

        <aside className="panel" aria-label="En bref">
          <h2>En bref</h2>
          <dl className="facts">
            {period && (
              <>
                <dt>Période</dt>
                <dd>{period}</dd>
              </>
            )}
            {initiative.territories.length > 0 && (
              <>
                <dt>Territoires</dt>
                <dd>
                  <ul className="plain-list">
                    {initiative.territories.map(({ territory }) => (
                      <li key={territory.code}>
                        <Link href={`/territoires/${territory.code}`}>{territory.name}</Link> (
                        {territoryKindLabels[territory.kind].toLowerCase()})
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {initiative.actors.length > 0 && (
              <>
                <dt>Acteurs</dt>
                <dd>
                  <ul className="plain-list">
                    {initiative.actors.map(({ actor, role }) => (
                      <li key={`${actor.slug}-${role}`}>
                        <Link href={`/acteurs/${actor.slug}`}>{actor.name}</Link> ({actorRoleLabels[role].toLowerCase()})
                        <ActorContactInline contact={actor.contact} />
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {initiative.approaches.length > 0 && (
              <>
                <dt>Approches</dt>
                <dd>
                  <ul className="plain-list">
                    {initiative.approaches.map(({ approach }) => (
                      <li key={approach.slug}>
                        <Link href={`/approches/${approach.slug}`}>{approach.label}</Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {initiative.themes.length > 0 && (
              <>
                <dt>Thèmes</dt>
                <dd>
                  <ul className="plain-list">
                    {initiative.themes.map(({ theme }) => (
                      <li key={theme.slug}>
                        <Link href={`/themes/${theme.slug}`}>{theme.label}</Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {initiative.criteria.length > 0 && (
              <>
                <dt>Critères</dt>
                <dd>{initiative.criteria.map(({ criterion }) => criterion.label).join(" ; ")}</dd>
              </>
            )}
            {initiative.domains.length > 0 && (
              <>
                <dt>Domaines</dt>
                <dd>{initiative.domains.map(({ domain }) => domain.label).join(" ; ")}</dd>
              </>
            )}
            {initiative.publics.length > 0 && (
              <>
                <dt>Publics</dt>
                <dd>{initiative.publics.map(({ public: audience }) => audience.label).join(" ; ")}</dd>
              </>
            )}
            {initiative.website && (
              <>
                <dt>Site web</dt>
                <dd>
                  <a href={initiative.website} rel="noopener noreferrer">
                    {initiative.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </>
            )}
            {initiative.contact && (
              <>
                <dt>Contact</dt>
                <dd>
                  <ContactPersonLines person={initiative.contact} />
                </dd>
              </>
            )}
            {initiative.publishedAt && (
              <>
                <dt>Publiée le</dt>
                <dd>{formatDate(initiative.publishedAt)}</dd>
              </>
            )}
            <dt>Dernière vérification</dt>
            <dd>{initiative.lastVerifiedAt ? formatDate(initiative.lastVerifiedAt) : "pas encore vérifiée"}</dd>
          </dl>

          {initiative.sources.length > 0 && (
            <>
              <h2>Sources</h2>
              <ul className="plain-list">
                {initiative.sources.map(({ source }) => (
                  <li key={source.slug}>
                    <SourceCitation source={source} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </aside>
      </div>

      {related.length > 0 && (
        <section aria-labelledby="related-heading" className="initiative-related">
          <h2 id="related-heading">Initiatives proches</h2>
          <ul className="card-list">
            {related.map((item) => (
              <li key={item.id}>
                <InitiativeCard initiative={item} headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
