import "server-only";
import { createHash } from "node:crypto";
import { dataVersion } from "@/lib/opendata/data-version";
import { clientIp } from "@/lib/http/client-ip";
import { licenceLinkHeader } from "@/lib/opendata/site";
import type { z } from "zod";
import { ApiError, corsHeaders, problemResponse } from "./errors";
import { parseParams } from "./params";
import { prisma } from "@/lib/db/client";
import { takeToken } from "./rate-limit";

export function preflight(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}

/** Takes a token from the client's bucket; a 429 response when it is empty. */
export async function rateLimited(request: Request): Promise<Response | null> {
  const decision = await takeToken(prisma, clientIp(request.headers));
  if (decision.allowed) return null;
  return problemResponse(429, `Trop de requêtes depuis votre adresse : réessayez dans ${decision.retryAfter} s.`, {
    headers: { "Retry-After": String(decision.retryAfter) },
  });
}

/** Whether the client's validators still match (If-None-Match wins over If-Modified-Since, RFC 9110). */
function notModified(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const tags = ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
    return tags.includes("*") || tags.includes(etag.replace(/^W\//, ""));
  }
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

export interface ConditionalBody {
  contentType: string;
  /** Built only when the client's copy is stale. */
  body: () => Promise<string | Uint8Array<ArrayBuffer> | null>;
  extraHeaders?: Record<string, string>;
}

/**
 * Answers a GET whose body depends only on the URL and the published data: 304 when the
 * client's validators match the current data version, else the body with ETag and
 * Last-Modified; a 404 problem when `body` gives null. Any ApiError becomes a problem response,
 * and an unexpected failure a 500 problem, not an HTML page.
 */
export async function conditionalGet(request: Request, respond: () => ConditionalBody | Promise<ConditionalBody>): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  try {
    const answer = await respond();
    const version = await dataVersion();
    const url = new URL(request.url);
    const etag = `W/"${createHash("sha256").update(`${version.fingerprint}|${url.pathname}?${url.searchParams}`).digest("base64url").slice(0, 27)}"`;
    const headers: Record<string, string> = {
      ...corsHeaders,
      ETag: etag,
      "Last-Modified": version.lastModified.toUTCString(),
      "Cache-Control": "public, no-cache",
      Link: licenceLinkHeader,
      ...answer.extraHeaders,
    };
    if (notModified(request, etag, version.changedAt)) return new Response(null, { status: 304, headers });
    const body = await answer.body();
    if (body === null) return problemResponse(404, "Aucune ressource publiée à cette adresse.");
    return new Response(body, { status: 200, headers: { ...headers, "Content-Type": answer.contentType } });
  } catch (error) {
    if (error instanceof ApiError) return problemResponse(error.status, error.detail, { parameter: error.parameter });
    console.error(error);
    return problemResponse(500, "Une erreur inattendue est survenue ; elle a été consignée.");
  }
}

/**
 * A JSON API GET: conditional, CORS, problem+json errors. `prepare` checks the parameters
 * (throwing ApiError for a 400, before any 304) and returns what builds the body.
 */
export function jsonGet(request: Request, prepare: (params: URLSearchParams) => () => Promise<unknown | null>): Promise<Response> {
  return conditionalGet(request, () => {
    const build = prepare(new URL(request.url).searchParams);
    return {
      contentType: "application/json; charset=utf-8",
      body: async () => {
        const data = await build();
        return data === null ? null : JSON.stringify(data);
      },
    };
  });
}

/** A GET handler for a collection: strict parameters (lib/api/params.ts), then `build`. */
export function apiEndpoint<S extends z.ZodObject>(schema: S, build: (params: z.infer<S>, url: URL) => Promise<unknown | null>) {
  return (request: Request) =>
    jsonGet(request, (search) => {
      const params = parseParams(schema, search);
      return () => build(params, new URL(request.url));
    });
}
