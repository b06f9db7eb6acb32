/**
 * Delivers queued messages, and runs the scheduled jobs (digests, retention sweeps; ADR 017). It
 * runs inside every app process (instrumentation.ts); pg-boss hands each job to one worker only
 * (SELECT … FOR UPDATE SKIP LOCKED), and a job whose worker died is failed by the expiry check of
 * any instance, then retried. A schedule is turned into a job by one instance only: pg-boss's cron
 * check first takes a lock row (`trySetCronTime`), and its job is a singleton for that minute.
 */
import PgBoss from "pg-boss";
import { logger } from "@/lib/log/logger";
import { installMailQueues, MAIL_QUEUE, QUEUE_SCHEMA } from "./queue";
import type { MailSettings } from "./settings";
import { createMailTransport, type OutgoingMail } from "./transport";

/** A job pg-boss starts on a cron schedule; `run` is what tests call directly. */
export interface ScheduledJob {
  /** The pg-boss queue (and schedule) name. */
  name: string;
  cron: string;
  run(): Promise<void>;
}

/** Cron times are read in the site's time zone: « every Monday at 7:00 » is French time. */
const SCHEDULE_TIME_ZONE = "Europe/Paris";

export interface MailWorker {
  stop(): Promise<void>;
}

export interface MailWorkerOptions {
  databaseUrl: string;
  settings: MailSettings;
  /** How often an idle worker looks for jobs, and how often the expiry check runs (tests shorten them). */
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  /** Scheduled jobs this process registers and may run (none: the mail only). */
  jobs?: ScheduledJob[];
  /** How often an idle worker looks for a scheduled job (a few a day: rarely; tests shorten it). */
  jobPollingIntervalSeconds?: number;
}

export async function startMailWorker(options: MailWorkerOptions): Promise<MailWorker> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: QUEUE_SCHEMA,
    application_name: "reperes-mail",
    max: 2,
    schedule: (options.jobs ?? []).length > 0,
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
  for (const job of options.jobs ?? []) {
    // One attempt at a time, retried twice: each job is idempotent (ADR 017).
    await boss.createQueue(job.name, { name: job.name, policy: "singleton", retryLimit: 2, retryDelay: 300, expireInSeconds: 1800 });
    await boss.schedule(job.name, job.cron, {}, { tz: SCHEDULE_TIME_ZONE });
    await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: options.jobPollingIntervalSeconds ?? 30 }, () => job.run());
  }
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      transport.close();
    },
  };
}
