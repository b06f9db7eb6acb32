import { env } from "@/lib/config/env";

/**
 * The client's address, for rate limits, sign-in throttles and the journal. X-Forwarded-For
 * always ends with the TCP peer (lib/http/forwarded-for.cjs appends it); each of the `hops`
 * trusted reverse proxies in front added one entry before it, and anything further left is
 * whatever the client chose to send. With 0 hops (the default), the peer itself.
 */
export function clientIp(headers: { get(name: string): string | null | undefined }, hops = env().REPERES_TRUSTED_PROXY_HOPS): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const address = chain.at(Math.max(0, chain.length - 1 - hops));
  return (address ?? "inconnue").slice(0, 64);
}
