import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActorContactDetails } from "@/components/contact/ContactDetails";
import { JsonLd } from "@/components/content/JsonLd";
import { actorJsonLd, openGraph } from "@/lib/opendata/structured-data";
import { RichText } from "@/components/content/RichText";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { CorrectionLink } from "@/components/proposals/CorrectionPage";
import { actorKindLabels, actorRoleLabels, territoryKindLabels } from "@/lib/format/labels";
import { getPublicActor } from "@/lib/public/actors";
import { hasActorContact } from "@/lib/public/contact";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await getPublicActor((await params).slug);
  if (!actor) return { title: "Page introuvable" };
  const description = actor.description.slice(0, 200) || undefined;
  return { title: actor.name, description, openGraph: openGraph({ title: actor.name, description, path: `/acteurs/${actor.slug}` }) };
}

export default async function ActorPage({ params }: Props) {
  const actor = await getPublicActor((await params).slug);
  if (!actor) notFound();
  return (
    <div className="container">
      <Breadcrumb trail={[{ href: "/acteurs", label: "Acteurs" }]} current={actor.name} />
      <h1>{actor.name}</h1>
      <JsonLd data={actorJsonLd(actor)} />
      <p className="meta">
        {actorKindLabels[actor.kind]}
        {actor.acronym && ` · ${actor.acronym}`}
        {actor.territory && (
          <>
            {" · "}
            <Link href={`/territoires/${actor.territory.code}`}>{actor.territory.name}</Link>
          </>
        )}
      </p>
      <RichText text={actor.description} />
      <CorrectionLink kind="actor" slug={actor.slug} />
      <section aria-labelledby="contact-heading" className="actor-contact">
        <h2 id="contact-heading">Contacter</h2>
        {hasActorContact(actor.contact) ? (
          <ActorContactDetails contact={actor.contact} />
        ) : (
          <p>Aucune coordonnée publique n&apos;est encore renseignée pour cet acteur.</p>
        )}
        {actor.areas.length > 0 && (
          <>
            <h3>Territoires d&apos;intervention</h3>
            <ul className="plain-list">
              {actor.areas.map((area) => (
                <li key={area.code}>
                  <Link href={`/territoires/${area.code}`}>{area.name}</Link> ({territoryKindLabels[area.kind].toLowerCase()})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {actor.approaches.length > 0 && (
        <>
          <h2>Approches</h2>
          <ul className="plain-list">
            {actor.approaches.map((approach) => (
              <li key={approach.slug}>
                <Link href={`/approches/${approach.slug}`}>{approach.label}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Initiatives</h2>
      {actor.initiatives.length === 0 ? (
        <p>Aucune initiative publiée pour l&apos;instant.</p>
      ) : (
        <ul className="card-list">
          {actor.initiatives.map(({ initiative, role }) => (
            <li key={`${initiative.slug}-${role}`} className="card">
              <h3>
                <Link href={`/initiatives/${initiative.slug}`}>{initiative.title}</Link>
              </h3>
              <p>{initiative.summary}</p>
              <p className="meta">Rôle : {actorRoleLabels[role].toLowerCase()}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
