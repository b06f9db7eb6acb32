/** An error the API reports as application/problem+json (RFC 9457), with a French detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly parameter?: string,
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export const problemTitles: Record<number, string> = {
  400: "Requête invalide",
  404: "Ressource introuvable",
  405: "Méthode non permise",
  429: "Trop de requêtes",
  500: "Erreur interne",
};

/** Open to every origin, for reads only: the data are public and no cookie is involved. */
export const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After, Link, RateLimit-Remaining",
  "Access-Control-Max-Age": "86400",
} as const;

/** A problem+json answer; pure, so that the proxy can give it too (lib/http/bad-request.ts). */
export function problemResponse(status: number, detail: string, options: { parameter?: string; headers?: HeadersInit } = {}): Response {
  const body = {
    type: "about:blank",
    title: problemTitles[status] ?? "Erreur",
    status,
    detail,
    ...(options.parameter ? { parameter: options.parameter } : {}),
  };
  const headers = new Headers(options.headers);
  for (const [name, value] of Object.entries(corsHeaders)) headers.set(name, value);
  headers.set("Content-Type", "application/problem+json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { status, headers });
}
