import { encode } from "next-auth/jwt";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { secureCookies, sessionCookieName } from "@/lib/auth/cookie";
import { env } from "@/lib/config/env";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-policy";
import { databaseAvailable } from "@/lib/db/availability";
import { REQUEST_ID_HEADER, newRequestId } from "@/lib/http/request-id";
import { markPrefetch } from "@/lib/http/prefetch";
import { securityHeaders } from "@/lib/http/security-headers";
import { badRequest } from "@/lib/http/bad-request";
import { serviceUnavailable } from "@/lib/http/unavailable";
import { urlDefect } from "@/lib/http/url-defect";
import { logger } from "@/lib/log/logger";
import { isOneClickPost, ONE_CLICK_ROUTE } from "@/lib/subscriptions/one-click";

// Security headers on every response, a first gate on /admin and the sliding session cookie.
// This is a convenience layer only: every page, action and route handler checks the user itself
// (lib/auth/guards.ts), so a request that skips the proxy gains nothing.

const production = process.env.NODE_ENV === "production";
const isPrivate = (pathname: string) => pathname === "/admin" || pathname.startsWith("/admin/") || pathname.startsWith("/api/admin/");

function withSecurityHeaders(request: NextRequest, nonce: string): NextResponse {
  const headers = securityHeaders({ nonce, production, privatePage: isPrivate(request.nextUrl.pathname) });
  const requestHeaders = new Headers(request.headers);
  // Set here, never taken from the client: pages and error logs read it (lib/http/request-id.ts).
  requestHeaders.set(REQUEST_ID_HEADER, request.headers.get(REQUEST_ID_HEADER)!);
  // Next.js reads the nonce from the request's CSP; the CVE-2025-29927 header is dropped.
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  requestHeaders.delete("x-middleware-subrequest");
  // Pages count the public's searches, not the router's prefetches (lib/search/insights.ts).
  markPrefetch(request.headers, requestHeaders);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) {
    // Uploaded documents carry their own, stricter sandbox policy (app/fichiers/[key]/route.ts).
    if (name === "Content-Security-Policy" && request.nextUrl.pathname.startsWith("/fichiers/")) continue;
    response.headers.set(name, value);
  }
  return response;
}

const newNonce = () => btoa(crypto.randomUUID());

/** Our headers, as for a private page (never cached), on a response made without them. */
function withPrivateHeaders<R extends Response>(response: R): R {
  for (const [name, value] of Object.entries(securityHeaders({ nonce: newNonce(), production, privatePage: true })))
    response.headers.set(name, value);
  return response;
}

const adminGate = withAuth(
  async (request: NextRequestWithAuth) => {
    const response = withSecurityHeaders(request, newNonce());
    const token = request.nextauth.token;
    const secret = env().NEXTAUTH_SECRET;
    // Sessions expire after 8 hours without activity: each visit pushes the expiry back (at most once a minute).
    if (token && secret && (typeof token.iat !== "number" || Date.now() / 1000 - token.iat > 60)) {
      const value = await encode({ token, secret, maxAge: SESSION_IDLE_SECONDS });
      response.cookies.set(sessionCookieName(), value, {
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies(),
        path: "/",
        maxAge: SESSION_IDLE_SECONDS,
      });
    }
    return response;
  },
  { pages: { signIn: "/connexion" }, callbacks: { authorized: ({ token }) => !!token } },
);

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const requestId = newRequestId();
  request.headers.set(REQUEST_ID_HEADER, requestId);
  const response = await route(request, event);
  if (response instanceof Response) response.headers.set(REQUEST_ID_HEADER, requestId);
  // The path only: query strings may hold what people typed (a name, an address).
  logger().info(
    {
      requestId,
      method: request.method,
      path: request.nextUrl.pathname,
      status: response instanceof Response && response.status !== 200 ? response.status : undefined,
    },
    "requête",
  );
  return response;
}

async function route(request: NextRequest, event: NextFetchEvent) {
  const { pathname, search } = request.nextUrl;
  const requestId = request.headers.get(REQUEST_ID_HEADER)!;
  // Once, here, for every page, route and parameter: nothing downstream sees an unreadable address.
  const defect = urlDefect(pathname, search);
  if (defect) return withPrivateHeaders(badRequest({ pathname, requestId, defect }));
  // The health route says it itself (JSON); everything else gets the French 503 page.
  if (pathname !== "/api/health" && !(await databaseAvailable())) {
    return withPrivateHeaders(serviceUnavailable({ pathname, requestId }));
  }
  // RFC 8058: the unsubscribe address answers a mail client's POST itself, not as a page.
  if (isOneClickPost(request)) return withPrivateHeaders(NextResponse.rewrite(new URL(`${ONE_CLICK_ROUTE}${search}`, request.url)));
  if (pathname === "/admin" || pathname.startsWith("/admin/")) {
    const response = await adminGate(request as NextRequestWithAuth, event);
    // The sign-in redirect comes from next-auth without our headers.
    if (response instanceof Response && !response.headers.has("Content-Security-Policy")) return withPrivateHeaders(response);
    return response;
  }
  return withSecurityHeaders(request, newNonce());
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
