import { Fragment } from "react";
import type { ContactPerson, PublicActorContact } from "@/lib/public/contact";
import { telHref } from "@/lib/public/contact";

const bareUrl = (url: string) => url.replace(/^https?:\/\//, "").replace(/\/$/, "");

/** A consented contact person: name and role, then how to reach them. */
export function ContactPersonLines({ person }: { person: ContactPerson }) {
  const who = [person.name, person.role].filter(Boolean).join(", ");
  const lines = [
    who,
    person.email && <a href={`mailto:${person.email}`}>{person.email}</a>,
    person.phone && <a href={telHref(person.phone)}>{person.phone}</a>,
  ].filter(Boolean);
  return (
    <>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

/** An actor's public contact in full, for its own page. */
export function ActorContactDetails({ contact }: { contact: PublicActorContact }) {
  return (
    <dl className="contact-details">
      {contact.address && (
        <>
          <dt>Adresse</dt>
          <dd>
            <address>
              {contact.address.split("\n").map((line, index) => (
                <span key={index} className="contact-details__line">
                  {line}
                </span>
              ))}
            </address>
          </dd>
        </>
      )}
      {contact.phone && (
        <>
          <dt>Téléphone</dt>
          <dd>
            <a href={telHref(contact.phone)}>{contact.phone}</a>
          </dd>
        </>
      )}
      {contact.email && (
        <>
          <dt>E-mail</dt>
          <dd>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </dd>
        </>
      )}
      {contact.website && (
        <>
          <dt>Site web</dt>
          <dd>
            <a href={contact.website} rel="noopener noreferrer">
              {bareUrl(contact.website)}
            </a>
          </dd>
        </>
      )}
      {contact.person && (
        <>
          <dt>Personne à contacter</dt>
          <dd>
            <ContactPersonLines person={contact.person} />
          </dd>
        </>
      )}
    </dl>
  );
}

/** One line of how to reach an actor, for lists: phone, e-mail, website. */
export function ActorContactInline({ contact }: { contact: PublicActorContact }) {
  const parts = [
    contact.phone && (
      <a key="phone" href={telHref(contact.phone)}>
        {contact.phone}
      </a>
    ),
    contact.email && (
      <a key="email" href={`mailto:${contact.email}`}>
        {contact.email}
      </a>
    ),
    contact.website && (
      <a key="website" href={contact.website} rel="noopener noreferrer">
        {bareUrl(contact.website)}
      </a>
    ),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="contact-inline">
      {parts.map((part, index) => (
        <span key={index} className="contact-inline__item">
          {part}
        </span>
      ))}
    </p>
  );
}
