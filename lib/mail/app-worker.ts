import { env } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import { mailSettings } from "./settings";
import { startMailWorker, type ScheduledJob } from "./worker";

const RETRY_MS = 30_000;

/**
 * The server's own worker, which also runs the scheduled jobs it is given. A database that does not answer at start must not keep the site from
 * serving its 503 page: the worker tries again every 30 seconds until it starts.
 */
export function startAppMailWorker(jobs: ScheduledJob[]): void {
  const attempt = () => {
    // Inside the promise: a bad setting is logged and tried again, never thrown at the server's start.
    Promise.resolve()
      .then(() => {
        const databaseUrl = env().DATABASE_URL;
        return databaseUrl ? startMailWorker({ databaseUrl, settings: mailSettings(), jobs }) : null;
      })
      .then(
        (worker) => worker && process.once("SIGTERM", () => void worker.stop()),
        (error: unknown) => {
          logger().error({ err: error }, "file des messages : démarrage impossible, nouvel essai dans 30 s");
          setTimeout(attempt, RETRY_MS).unref();
        },
      );
  };
  attempt();
}
