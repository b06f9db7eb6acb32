import { env } from "@/lib/config/env";

/**
 * CSRF guard for route handlers that change something: the browser's Origin must be this app's.
 * (Server actions get the same check from Next.js.)
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const allowed = new Set<string>();
  const configured = env().NEXTAUTH_URL;
  if (configured) allowed.add(new URL(configured).origin);
  const host = request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  return allowed.has(origin);
}
