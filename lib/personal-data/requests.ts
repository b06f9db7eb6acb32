import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import { AccessDenied, FORBIDDEN_MESSAGE } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";
import type { HeldRecord, PersonalDataActor } from "./holder";
import { holders } from "./registry";

/**
 * An admin's answer to a person who asks what Repères holds about them, or to be forgotten
 * (ADR 018). Admins only, checked here. The journal records that it was done and how much was
 * found or erased, never the address or the data.
 */

export const personalDataRequestSchema = z.object({
  adresse: z
    .string({ error: "Saisissez une adresse e-mail." })
    .trim()
    .min(1, "Saisissez une adresse e-mail.")
    .max(320, "Cette adresse est trop longue.")
    .pipe(z.email("Cette adresse e-mail n'est pas valide (ex. prenom.nom@exemple.fr)."))
    .transform((value) => value.toLowerCase()),
});

export const ERASE_CONFIRMATION = "EFFACER";
export const erasureRequestSchema = personalDataRequestSchema.extend({
  confirm: z.literal(ERASE_CONFIRMATION, { error: `Tapez ${ERASE_CONFIRMATION} pour confirmer l'effacement.` }),
});

export interface HeldSection {
  key: string;
  label: string;
  purpose: string;
  notErased?: string;
  records: HeldRecord[];
}

function requireAdmin(by: PersonalDataActor): void {
  if (!hasRole(by.role, "ADMIN")) throw new AccessDenied(403, FORBIDDEN_MESSAGE);
}

async function findAll(db: Database, email: string): Promise<HeldSection[]> {
  const sections: HeldSection[] = [];
  for (const holder of holders) {
    sections.push({
      key: holder.key,
      label: holder.label,
      purpose: holder.purpose,
      ...(holder.notErased ? { notErased: holder.notErased } : {}),
      records: await holder.find(db, email),
    });
  }
  return sections;
}

const counts = (sections: HeldSection[]) => Object.fromEntries(sections.map((section) => [section.key, section.records.length]));

/** What the page shows. */
export async function readPersonalData(email: string): Promise<HeldSection[]> {
  await requireUser("ADMIN");
  return findAll(prisma, email);
}

/** The JSON file handed to the person, journaled. */
export async function exportPersonalData(email: string, ip?: string) {
  const user = await requireUser("ADMIN");
  const sections = await findAll(prisma, email);
  await recordAudit(prisma, { userId: user.id, action: "personal_data.exported", details: { found: counts(sections) }, ip });
  return {
    adresse: email,
    exporteLe: new Date().toISOString(),
    source: "Repères (IREV)",
    sections: sections.map(({ key, label, purpose, records }) => ({ key, label, finalite: purpose, elements: records })),
  };
}

/**
 * Erases what every holder can erase; what stays (a staff account, an entry in the trash) is
 * listed with why. Each holder commits on its own: run again, it finishes what a failure left.
 */
export async function erasePersonalData(db: Database, by: PersonalDataActor, email: string) {
  requireAdmin(by);
  const erased: Record<string, number> = {};
  const left: string[] = [];
  for (const holder of holders) {
    if (!holder.erase) {
      if ((await holder.find(db, email)).length > 0 && holder.notErased) left.push(holder.notErased);
      continue;
    }
    const outcome = await holder.erase(db, email, by);
    erased[holder.key] = outcome.erased;
    left.push(...outcome.left);
  }
  await recordAudit(db, { userId: by.id, action: "personal_data.erased", details: { erased, left: left.length }, ip: by.ip });
  return { erased, left };
}
