import type { Database } from "@/lib/db/connect";
import type { Actor } from "@/lib/editorial/permissions";

/** A value as the export and the page show it. */
export type HeldValue = string | number | boolean | null | string[];

/** One thing held about the person: a proposal, an entry naming them as contact, a queued message… */
export interface HeldRecord {
  /** How staff recognise it (« Proposition n° 12 »). */
  ref: string;
  /** Where staff open it in the back office, if anywhere. */
  href?: string;
  data: Record<string, HeldValue>;
}

export interface Erasure {
  /** How many records were deleted or cleared. */
  erased: number;
  /** Records left as they are, each with why (« à la corbeille : … »). */
  left: string[];
}

/** Who asks for an export or an erasure: an admin, from an address. */
export interface PersonalDataActor extends Actor {
  ip?: string;
}

/**
 * One place where Repères keeps data about a person, found by their e-mail address (ADR 018).
 * Every holder is listed once in `registry.ts`; a new table with personal data adds a holder there.
 */
export interface PersonalDataHolder {
  /** Stable key: the export's JSON and the journal use it. */
  key: string;
  /** French heading of the section. */
  label: string;
  /** Why it is held and for how long (shown to the admin, copied into the export). */
  purpose: string;
  /** `email` is trimmed and lower-cased; holders compare case-insensitively. */
  find(db: Database, email: string): Promise<HeldRecord[]>;
  /** Absent: this data is not erased from here, and `notErased` says why and what to do instead. */
  erase?(db: Database, email: string, by: PersonalDataActor): Promise<Erasure>;
  notErased?: string;
}
