/**
 * The outgoing mail queue: pg-boss, in its own schema of the app's database (ADR 012). A message
 * is enqueued in the caller's transaction, so it leaves only if what it announces committed.
 */
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { Queryable } from "@/lib/db/connect";
import type { RenderedMail } from "./template";
import type { OutgoingMail } from "./transport";

/** pg-boss's tables live here, outside "public": backups leave them out (lib/backup/catalog.ts). */
export const QUEUE_SCHEMA = "pgboss";
export const MAIL_QUEUE = "mail";
/** Where a message lands once every retry failed: the admins' dead-letter page reads it. */
export const DEAD_MAIL_QUEUE = "mail_dead";

/**
 * 5 retries, 0.5–1, 1–2, 2–4, 4–8 and 8–16 minutes apart (backoff with jitter); an attempt that
 * hangs ends after 2 minutes. A message still unsent after 15 days is dropped; a dead letter
 * inherits twice that retention from pg-boss: it stays a month after its first enqueue.
 */
const MAIL_QUEUE_OPTIONS: Omit<PgBoss.Queue, "name"> = {
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 120,
  retentionMinutes: 15 * 24 * 60,
  deadLetter: DEAD_MAIL_QUEUE,
};

/** Creates pg-boss's schema (its own migrations) and both queues; safe to run from several instances at once. */
export async function installMailQueues(boss: PgBoss): Promise<void> {
  await ensureQueue(boss, DEAD_MAIL_QUEUE, {});
  await ensureQueue(boss, MAIL_QUEUE, MAIL_QUEUE_OPTIONS);
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">) {
  // createQueue does nothing when the queue exists; updateQueue then applies changed options.
  await boss.createQueue(name, { name, ...options });
  await boss.updateQueue(name, { name, ...options });
}

/** Runs pg-boss's migrations and creates the queues on `connectionString`, then lets go (npm start, tests). */
export async function installMailQueuesOn(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: QUEUE_SCHEMA, max: 1, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  try {
    await installMailQueues(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** pg-boss's SQL, run on the caller's Prisma client or transaction. */
function executorOf(db: Queryable): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const params = (values ?? []).map((value) =>
        value === undefined
          ? null
          : value !== null && typeof value === "object" && !(value instanceof Date)
            ? JSON.stringify(value)
            : value,
      );
      return { rows: await db.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
}

/** Queues one message; returns its Message-ID. */
export async function enqueueMail(db: Queryable, to: string, mail: RenderedMail, siteUrl: string): Promise<string> {
  const id = randomUUID();
  await queueOutgoing(db, { messageId: `${id}@${new URL(siteUrl).hostname}`, to, ...mail }, id);
  return `<${id}@${new URL(siteUrl).hostname}>`;
}

/** Queues a built message, under a new job id (a dead letter sent again keeps its Message-ID). */
export async function queueOutgoing(db: Queryable, data: OutgoingMail, id: string = randomUUID()): Promise<void> {
  const boss = new PgBoss({ db: executorOf(db), schema: QUEUE_SCHEMA });
  const queued = await boss.send(MAIL_QUEUE, data as unknown as object, { id });
  if (queued === null) throw new Error("La file des messages n'est pas installée (lancez l'application avec npm start).");
}
