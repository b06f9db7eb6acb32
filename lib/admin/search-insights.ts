import "server-only";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { readMonthInsights } from "@/lib/search/insights";

/** `mois=2026-11`; anything else (absent, malformed, out of range) is the current month. */
const monthSchema = z
  .preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/))
  .optional()
  .catch(undefined);

/** The current month in France, `YYYY-MM`. */
export function currentMonth(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" }).format(now);
}

export function parseInsightMonth(raw: unknown): string {
  return monthSchema.parse(raw) ?? currentMonth();
}

/** What the public searched in `month` (`YYYY-MM`): every staff role reads it (the words are public searches, no one's data). */
export async function searchInsightsOf(month: string) {
  await requireUser("CONTRIBUTOR");
  return readMonthInsights(prisma, new Date(`${month}-01T00:00:00Z`));
}
