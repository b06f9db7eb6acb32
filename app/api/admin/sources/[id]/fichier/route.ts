import { AccessDenied } from "@/lib/auth/errors";
import { env } from "@/lib/config/env";
import { clientIp } from "@/lib/http/client-ip";
import { isSameOrigin } from "@/lib/http/origin";
import { attachFile, maxUploadBytes } from "@/lib/uploads/store";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around the file (the proxy buffers 1 MB more than UPLOAD_MAX_MB). */
const MULTIPART_ALLOWANCE = 1024 * 1024;

/** Upload a document to a source (multipart form posted from its edit page). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "Origine de la requête refusée." }, { status: 403 });
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) return Response.json({ error: "Source inconnue." }, { status: 404 });
  const back = (result: string) =>
    Response.redirect(new URL(`/admin/sources/${id}?fichier=${result}`, env().NEXTAUTH_URL ?? request.url), 303);
  // Refused before reading: beyond the proxy's buffer (next.config.js) the body would arrive cut.
  if (Number(request.headers.get("content-length")) > maxUploadBytes() + MULTIPART_ALLOWANCE) return back("too_large");
  try {
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) return back("empty");
    const outcome = await attachFile(Number(id), file, clientIp(request.headers));
    return back(outcome.ok ? "ok" : outcome.reason);
  } catch (error) {
    if (error instanceof AccessDenied) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
