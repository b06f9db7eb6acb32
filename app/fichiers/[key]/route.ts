import { AccessDenied } from "@/lib/auth/errors";
import { readStoredFile } from "@/lib/uploads/store";

export const dynamic = "force-dynamic";

// The proxy leaves the policy of this route to it: every answer, refusals included, carries one.
const SANDBOX = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; object-src 'none'";
const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": SANDBOX } });

/** Serves an uploaded document with its checked type; nothing in it can run on this origin. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  try {
    const file = await readStoredFile((await params).key);
    if (!file) return text("Document introuvable.", 404);
    const inline = file.mime === "application/pdf" || file.mime.startsWith("image/");
    const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return new Response(file.body, {
      headers: {
        "Content-Type": file.mime,
        "Content-Length": String(file.size),
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": SANDBOX,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return text("Accès refusé.", error.status);
    throw error;
  }
}
