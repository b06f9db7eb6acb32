import { AccessDenied } from "@/lib/auth/errors";
import { readStoredFile } from "@/lib/uploads/store";

export const dynamic = "force-dynamic";

/** Serves an uploaded document with its checked type; nothing in it can run on this origin. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  try {
    const file = await readStoredFile((await params).key);
    if (!file) return new Response("Document introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    const inline = file.mime === "application/pdf" || file.mime.startsWith("image/");
    const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return new Response(file.body, {
      headers: {
        "Content-Type": file.mime,
        "Content-Length": String(file.size),
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; object-src 'none'",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return new Response("Accès refusé.", { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
