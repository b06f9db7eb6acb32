import type { Database } from "@/lib/db/connect";
import type { EntityDefinition } from "@/lib/editorial/definition";
import { recordMeta, saveRecord } from "@/lib/editorial/engine";
import { definitions } from "@/lib/editorial/registry";
import type { HeldRecord, PersonalDataHolder } from "../holder";

const CONTACT_FIELDS = ["contactName", "contactRole", "contactEmail", "contactPhone", "contactConsent"] as const;
const CLEARED = { contactName: "", contactRole: "", contactEmail: "", contactPhone: "", contactConsent: false };

/** Every editorial table with a named contact person (initiatives and actors today). */
const withContact = () =>
  (definitions as EntityDefinition<unknown>[]).filter((def) => def.fields.some((field) => field.key === "contactEmail"));

const kindOf = (def: EntityDefinition<unknown>) => def.label.one.charAt(0).toUpperCase() + def.label.one.slice(1);
const labelOf = (def: EntityDefinition<unknown>, key: string) => def.fields.find((field) => field.key === key)?.label ?? key;

async function idsNaming(db: Database, def: EntityDefinition<unknown>, email: string): Promise<number[]> {
  const delegate = (db as unknown as Record<string, { findMany(args: object): Promise<{ id: number }[]> }>)[def.model]!;
  const rows = await delegate.findMany({ where: { contactEmail: { equals: email, mode: "insensitive" } }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** Older versions of an entry still naming the person (the history keeps every saved version). */
async function versionsNaming(db: Database, def: EntityDefinition<unknown>, id: number, email: string) {
  return db.$queryRaw<{ id: number; version: number }[]>`
    SELECT id, version FROM "Revision"
    WHERE "entityType" = ${def.type}::"EntityType" AND "entityId" = ${id} AND lower(snapshot->>'contactEmail') = ${email}
    ORDER BY version`;
}

/**
 * The person named as an entry's contact (copied from a proposal with consent, or typed by
 * staff). Erased through the editorial engine, so the entry gets a new version and a journal
 * event like any edit; then the older versions of its history are cleared of the contact too.
 */
export const editorialContactsHolder: PersonalDataHolder = {
  key: "editorialContacts",
  label: "Personne à contacter d'une fiche",
  purpose:
    "Contact professionnel d'une initiative ou d'un acteur, affiché en public seulement avec l'accord de la personne ; gardé tant que la fiche l'est.",
  async find(db, email) {
    const found: HeldRecord[] = [];
    for (const def of withContact()) {
      for (const id of await idsNaming(db, def, email)) {
        const [meta, values, versions] = await Promise.all([
          recordMeta(db, def, id),
          def.values(db, id),
          versionsNaming(db, def, id, email),
        ]);
        if (!meta || !values) continue;
        found.push({
          ref: `${kindOf(def)} « ${meta.title} »${meta.deletedAt ? " (à la corbeille)" : ""}`,
          href: `/admin/${def.path}/${id}`,
          data: {
            ...Object.fromEntries(CONTACT_FIELDS.map((key) => [labelOf(def, key), values[key] as string | boolean])),
            "Versions de l'historique qui la nomment": versions.map((v) => String(v.version)),
          },
        });
      }
    }
    return found;
  },
  async erase(db, email, by) {
    let erased = 0;
    const left: string[] = [];
    for (const def of withContact()) {
      for (const id of await idsNaming(db, def, email)) {
        const [meta, values] = await Promise.all([recordMeta(db, def, id), def.values(db, id)]);
        if (!meta || !values) continue;
        const name = `${kindOf(def)} « ${meta.title} »`;
        if (meta.deletedAt) {
          left.push(`${name} : à la corbeille ; restaurez-la pour retirer le contact, ou supprimez-la définitivement.`);
          continue;
        }
        const outcome = await saveRecord(
          db,
          def,
          by,
          {
            id,
            version: meta.version,
            values: { ...values, ...CLEARED },
            comment: "Personne à contacter retirée (demande d'effacement de données personnelles)",
          },
          by.ip,
        );
        if (outcome.kind !== "saved") {
          const why =
            outcome.kind === "invalid"
              ? `la fiche ne passe plus les contrôles (${Object.values(outcome.fieldErrors).flat().join(" ") || outcome.message}) ; corrigez-la puis recommencez.`
              : "modifiée entre-temps ; recommencez.";
          left.push(`${name} : ${why}`);
          continue;
        }
        await db.$executeRaw`
          UPDATE "Revision" SET snapshot = snapshot || ${JSON.stringify(CLEARED)}::jsonb
          WHERE "entityType" = ${def.type}::"EntityType" AND "entityId" = ${id} AND lower(snapshot->>'contactEmail') = ${email}`;
        erased++;
      }
    }
    return { erased, left };
  },
};
