/**
 * One mail worker alone in its process, as in a server, so that a test can kill it (SIGKILL)
 * between a job's start and its delivery. Prints "ready" once it polls.
 */
import { mailSettings } from "@/lib/mail/settings";
import { startMailWorker } from "@/lib/mail/worker";

await startMailWorker({
  databaseUrl: process.env.DATABASE_URL!,
  settings: mailSettings(),
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 1,
});
console.log("ready");
