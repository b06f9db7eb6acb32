import "server-only";
import { headers } from "next/headers";
import { after } from "next/server";
import { prisma } from "@/lib/db/client";
import { isAskedByPerson, recordSearch, type AskedSearch } from "@/lib/search/insights";

/**
 * Counts a public search page's search once its answer is sent (never on its critical path),
 * unless the request was a prefetch or a crawler's (lib/search/insights.ts).
 */
export async function countPublicSearch(asked: AskedSearch): Promise<void> {
  if (!isAskedByPerson(await headers())) return;
  after(() => recordSearch(prisma, asked));
}
