"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/admin/guarded-action";
import { logger } from "@/lib/log/logger";
import { subscribeSchema } from "@/lib/subscriptions/schema";
import { admitSubscription, confirmSubscription, startSubscription } from "@/lib/subscriptions/subscriptions";

/**
 * Open to anyone on purpose (the checks against abuse are in admitSubscription). The same answer
 * whether the address is known or not: the request is stored and mailed once the answer is sent.
 */
export const followSelection = publicAction({ schema: subscribeSchema }, async ({ input, ip, db }) => {
  const outcome = await admitSubscription(db, input, ip);
  if (!outcome.ok) return { status: "error", message: outcome.message };
  after(() =>
    startSubscription(db, input.email, outcome.selection).catch((error: unknown) => logger().error({ err: error }, "abonnement")),
  );
  return {
    status: "ok",
    message: `C'est presque fini : si l'adresse ${input.email} peut recevoir nos messages, un lien pour confirmer l'abonnement vient de lui être envoyé (valable 48 heures). Pensez à regarder dans vos courriers indésirables.`,
  };
});

/** The confirmation link's secret is the authorisation. */
export const confirmFollow = publicAction({ schema: z.object({ jeton: z.string().max(200).catch("") }) }, async ({ input, db }) => {
  const outcome = await confirmSubscription(db, input.jeton);
  if (!outcome.ok) return { status: "error", message: outcome.message };
  redirect(`/suivre/confirmer?confirme=${encodeURIComponent(outcome.path)}`);
});
