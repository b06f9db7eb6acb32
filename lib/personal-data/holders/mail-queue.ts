import { Prisma } from "@/lib/db/generated/client";
import { DEAD_MAIL_QUEUE, MAIL_QUEUE, QUEUE_SCHEMA } from "@/lib/mail/queue";
import type { PersonalDataHolder } from "../holder";

/** pg-boss keeps a job in `job` until it is archived, then in `archive` for a day (ADR 012). */
const TABLES = ["job", "archive"].map((table) => Prisma.raw(`${QUEUE_SCHEMA}.${table}`));
const ADDRESSED = (email: string) => Prisma.sql`name IN (${MAIL_QUEUE}, ${DEAD_MAIL_QUEUE}) AND lower(data->>'to') = ${email}`;

/** Messages to the address still in the outgoing queue, sent in the last day, or failed (dead letters). */
export const mailQueueHolder: PersonalDataHolder = {
  key: "mailQueue",
  label: "Courriels en attente, envoyés récemment ou en échec",
  purpose:
    "Envoyer les messages et les réessayer ; un message envoyé est effacé de la file après un jour, un message en échec après un mois.",
  async find(db, email) {
    const rows: { subject: string; state: string; createdOn: Date; queue: string }[] = [];
    for (const table of TABLES) {
      rows.push(
        ...(await db.$queryRaw<typeof rows>`
          SELECT data->>'subject' AS subject, state::text AS state, created_on AS "createdOn", name AS queue
          FROM ${table} WHERE ${ADDRESSED(email)} ORDER BY created_on`),
      );
    }
    return rows.map((row) => ({
      ref: `Courriel « ${row.subject} »`,
      data: {
        Objet: row.subject,
        État: row.queue === DEAD_MAIL_QUEUE ? "en échec" : row.state === "completed" ? "envoyé" : "en attente",
        "Mis en file le": row.createdOn.toISOString(),
      },
    }));
  },
  async erase(db, email) {
    let erased = 0;
    // A message being handed to the mail server right now is left to finish: it is archived, then deleted, within a day.
    for (const table of TABLES) erased += await db.$executeRaw`DELETE FROM ${table} WHERE ${ADDRESSED(email)} AND state <> 'active'`;
    return { erased, left: [] };
  },
};
