import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";

/**
 * A fingerprint of the published data, for HTTP validators (ETag, Last-Modified) of the API and
 * the feeds: the latest `updatedAt` of every editorial table (every edit, publication or move to
 * the trash goes through Prisma, which stamps it) and the row counts of the big ones (a hard
 * delete lowers them). One statement, checked before the real work so that a 304 is cheap.
 */
export interface DataVersion {
  lastModified: Date;
  fingerprint: string;
}

const tables = ["Initiative", "Actor", "Lesson", "Source", "Theme", "Approach", "DiscriminationCriterion", "Domain", "Public", "Territory"];

export async function dataVersion(): Promise<DataVersion> {
  const latest = tables.map((table) => `(SELECT max("updatedAt") FROM "${table}")`).join(", ");
  const counts = ["Initiative", "Actor", "Lesson", "Source"].map((table) => `(SELECT count(*) FROM "${table}")`).join(" || '/' || ");
  const [row] = await prisma.$queryRawUnsafe<{ at: string | null; counts: string }[]>(
    `SELECT to_char(greatest(${latest}), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, ${counts} AS counts`,
  );
  const at = row?.at ?? "1970-01-01T00:00:00.000Z";
  return { lastModified: new Date(at), fingerprint: createHash("sha256").update(`${at}|${row?.counts}`).digest("base64url").slice(0, 22) };
}
