import type { PersonalDataHolder } from "./holder";
import { editorialContactsHolder } from "./holders/editorial-contacts";
import { mailQueueHolder } from "./holders/mail-queue";
import { proposalsHolder } from "./holders/proposals";
import { staffAccountHolder } from "./holders/staff-account";
import { subscriptionsHolder } from "./holders/subscriptions";

/**
 * Every place where Repères keeps data about a person found by e-mail address (ADR 018). The
 * export lists them all, the erasure runs each one's `erase`: a new table holding personal data
 * adds its holder here, and the personal-data page and tests pick it up.
 */
export const holders: PersonalDataHolder[] = [
  proposalsHolder,
  subscriptionsHolder,
  editorialContactsHolder,
  mailQueueHolder,
  staffAccountHolder,
];
