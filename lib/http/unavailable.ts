import { plainPage } from "./plain-page";

/**
 * The answer while the database is unreachable: 503, a French page (or JSON for the API) giving
 * the request id to quote, and Retry-After so that crawlers and clients come back.
 */
export function serviceUnavailable(options: { pathname: string; requestId: string }): Response {
  const headers = { "Retry-After": "30", "Cache-Control": "no-store" };
  if (options.pathname.startsWith("/api/")) {
    return Response.json(
      { erreur: "Service momentanément indisponible : réessayez dans quelques instants.", reference: options.requestId },
      { status: 503, headers },
    );
  }
  return plainPage({
    status: 503,
    title: "Service momentanément indisponible",
    paragraphs: [
      "Repères ne peut pas afficher cette page pour l'instant : sa base de données ne répond pas. Le service reprendra de lui-même ; réessayez dans quelques minutes.",
    ],
    requestId: options.requestId,
    headers,
  });
}
