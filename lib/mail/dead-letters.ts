/**
 * The messages every retry failed to deliver (pg-boss's dead-letter queue), for the admins: who
 * it was for, what, when, and the last error; sent again or dropped from here.
 */
import { z } from "zod";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/log";
import { DEAD_MAIL_QUEUE, queueOutgoing } from "./queue";
import type { OutgoingMail } from "./transport";

export interface DeadLetter {
  id: string;
  failedAt: Date;
  to: string;
  subject: string;
  error: string;
}

export const deadLetterIdSchema = z.object({ id: z.uuid("Message inconnu.") });

const DEAD = Prisma.sql`pgboss.job WHERE name = ${DEAD_MAIL_QUEUE} AND state = 'created'`;

export async function listDeadLetters(db: Database, limit = 200): Promise<DeadLetter[]> {
  const rows = await db.$queryRaw<
    { id: string; failedAt: Date; data: OutgoingMail; output: { message?: string; value?: { message?: string } } | null }[]
  >`
    SELECT id::text, created_on AS "failedAt", data, output FROM ${DEAD} ORDER BY created_on DESC LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    failedAt: row.failedAt,
    to: row.data.to,
    subject: row.data.subject,
    error: row.output?.message ?? row.output?.value?.message ?? "erreur inconnue",
  }));
}

export async function countDeadLetters(db: Database): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${DEAD}`;
  return row?.count ?? 0;
}

/** Takes the dead letter out of its queue; with `resend`, back into the mail queue, in the same transaction. */
export async function settleDeadLetter(db: Database, id: string, resend: boolean, by: { userId: number; ip?: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ data: OutgoingMail }[]>`DELETE FROM ${DEAD} AND id = ${id}::uuid RETURNING data`;
    if (!row) return false;
    if (resend) await queueOutgoing(tx, row.data);
    await recordAudit(tx, {
      userId: by.userId,
      action: resend ? "mail.resent" : "mail.dropped",
      details: { message: row.data.messageId },
      ip: by.ip,
    });
    return true;
  });
}
