import "server-only";
import { rateLimited } from "@/lib/api/http";
import { prisma } from "@/lib/db/client";
import { parseSearchQuery } from "@/lib/search/query";
import { exportFileName, initiativesCsv, initiativesJson } from "./exports";
import { licenceLinkHeader } from "./site";

const formats = {
  csv: { stream: initiativesCsv, type: "text/csv; charset=utf-8" },
  json: { stream: initiativesJson, type: "application/json; charset=utf-8" },
} as const;

/**
 * The download of /initiatives/export.{csv,json}: the page's parameters, read as leniently as
 * the page reads them (the link comes from the page: same URL, same rows), streamed.
 */
export async function exportResponse(request: Request, format: keyof typeof formats): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const query = parseSearchQuery(new URL(request.url).searchParams);
  const { stream, type } = formats[format];
  return new Response(stream(prisma, query), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${exportFileName(format)}"`,
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
      // The licence travels with the file's response; a CSV has no room for metadata.
      Link: licenceLinkHeader,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
