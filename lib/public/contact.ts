/**
 * The one place where contact details become public. An organisation's own details (address,
 * phone, e-mail, website) are public once the entry is published; a named contact person is
 * personal data and leaves the database only when their consent is recorded. Every output
 * (pages, API, exports, feeds, JSON-LD, PDF) reads contacts through these helpers, never the
 * raw columns.
 */

/** The columns of a named contact person, on Actor and on Initiative. */
export interface ContactPersonColumns {
  contactName: string | null;
  contactRole: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactConsent: boolean;
}

export interface ContactPerson {
  name: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
}

/** Prisma select of the person's columns (the consent flag included). */
export const contactPersonSelect = {
  contactName: true,
  contactRole: true,
  contactEmail: true,
  contactPhone: true,
  contactConsent: true,
} as const;

/** The person, only with recorded consent and something to show; otherwise null. */
export function consentedContact(row: ContactPersonColumns): ContactPerson | null {
  if (!row.contactConsent) return null;
  if (!row.contactName && !row.contactEmail && !row.contactPhone) return null;
  return { name: row.contactName, role: row.contactRole, email: row.contactEmail, phone: row.contactPhone };
}

/** Prisma select of an actor's public contact: the organisation's details and the person's columns. */
export const actorContactSelect = {
  address: true,
  phone: true,
  email: true,
  website: true,
  ...contactPersonSelect,
} as const;

export interface ActorContactColumns extends ContactPersonColumns {
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

export interface PublicActorContact {
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  person: ContactPerson | null;
}

export function publicActorContact(row: ActorContactColumns): PublicActorContact {
  return { address: row.address, phone: row.phone, email: row.email, website: row.website, person: consentedContact(row) };
}

export const hasActorContact = (contact: PublicActorContact) =>
  Boolean(contact.address || contact.phone || contact.email || contact.website || contact.person);

/**
 * Replaces the person's raw columns of a row by its public contact, so that what callers get
 * cannot hold an unconsented name even by mistake.
 */
export function withoutContactColumns<R extends ContactPersonColumns>(row: R): Omit<R, keyof ContactPersonColumns> {
  const { contactName: _n, contactRole: _r, contactEmail: _e, contactPhone: _p, contactConsent: _c, ...rest } = row;
  return rest;
}

/** A telephone number as a tel: link target (digits and a leading +). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
