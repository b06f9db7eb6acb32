import type { Instrumentation } from "next";

/**
 * The outgoing mail worker runs in every server process (lib/mail/worker.ts; ADR 012), with the
 * scheduled jobs (digests, retention sweeps; ADR 017).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startAppMailWorker }, { scheduledJobs }] = await Promise.all([import("@/lib/mail/app-worker"), import("@/lib/jobs/scheduled")]);
  startAppMailWorker(scheduledJobs());
}

/**
 * Every error of a page, route or action, as one JSON line with the request id the proxy gave
 * (lib/http/request-id.ts) and the digest shown on the error page (app/error.tsx), so that the
 * reference a person quotes finds the line.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/log/logger");
  const header = request.headers["x-request-id"];
  logger().error(
    {
      requestId: Array.isArray(header) ? header[0] : header,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      err: error,
    },
    "erreur",
  );
};
