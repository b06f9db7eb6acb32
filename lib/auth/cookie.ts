import { env } from "@/lib/config/env";

/** next-auth's session cookie: "__Secure-" prefixed (and Secure) when the app is served over HTTPS. */
export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function secureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}
