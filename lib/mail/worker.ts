/**
 * Delivers queued messages. It runs inside every app process (instrumentation.ts); pg-boss hands
 * each job to one worker only (SELECT … FOR UPDATE SKIP LOCKED), and a job whose worker died is
 * failed by the expiry check of any instance, then retried.
 */
import PgBoss from "pg-boss";
import { logger } from "@/lib/log/logger";
import { installMailQueues, MAIL_QUEUE, QUEUE_SCHEMA } from "./queue";
import type { MailSettings } from "./settings";
import { createMailTransport, type OutgoingMail } from "./transport";

export interface MailWorker {
  stop(): Promise<void>;
}

export interface MailWorkerOptions {
  databaseUrl: string;
  settings: MailSettings;
  /** How often an idle worker looks for jobs, and how often the expiry check runs (tests shorten them). */
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

export async function startMailWorker(options: MailWorkerOptions): Promise<MailWorker> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: QUEUE_SCHEMA,
    application_name: "reperes-mail",
    max: 2,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    // A sent message (reset and invitation links included) leaves the database a day later.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 1,
  });
  boss.on("error", (error) => logger().error({ err: error }, "file des messages"));
  await boss.start();
  await installMailQueues(boss);
  const transport = createMailTransport(options.settings);
  await boss.work<OutgoingMail>(
    MAIL_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      // A failure is thrown back to pg-boss, which records it and retries later.
      await transport.deliver(job!.data);
    },
  );
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      transport.close();
    },
  };
}
