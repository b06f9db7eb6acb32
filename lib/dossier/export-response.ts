import "server-only";
import { rateLimited } from "@/lib/api/http";
import { prisma } from "@/lib/db/client";
import { plainPage } from "@/lib/http/plain-page";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { dossierCsv } from "./csv";
import { dossierOfRequest } from "./entries";
import { renderDossier } from "./pdf";
import { readDossier } from "./read";

const formats = {
  pdf: {
    type: "application/pdf",
    body: async (items: Awaited<ReturnType<typeof readDossier>>) => new Uint8Array(await renderDossier(items)),
  },
  csv: { type: "text/csv; charset=utf-8", body: async (items: Awaited<ReturnType<typeof readDossier>>) => dossierCsv(items) },
} as const;

export function dossierFileName(extension: keyof typeof formats, now = new Date()): string {
  return `dossier-reperes-${now.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * The download of /dossier/export.{pdf,csv}: the entries of `e` in their order, only what the
 * public may read, each with the note sent with it (form fields of a POST, or the query).
 */
export async function dossierExportResponse(request: Request, format: keyof typeof formats): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const dossier = await dossierOfRequest(request);
  if (!dossier.ok) {
    return plainPage({
      status: 400,
      title: "Dossier illisible",
      paragraphs: [dossier.message, `<a href="/dossier">Revenir à mon dossier</a>`],
      requestId: request.headers.get(REQUEST_ID_HEADER) ?? "",
    });
  }
  const { type, body } = formats[format];
  return new Response(await body(await readDossier(prisma, dossier.entries)), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${dossierFileName(format)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
