import { envSchema } from "@/lib/config/env";

/** REPERES_TRUSTED_PROXY_HOPS, read when first needed (a bad value already stopped `npm start`). */
let configuredHops: number | undefined;
function trustedProxyHops(): number {
  configuredHops ??= envSchema.shape.REPERES_TRUSTED_PROXY_HOPS.catch(0).parse(process.env.REPERES_TRUSTED_PROXY_HOPS);
  return configuredHops;
}

/**
 * The client's address, for rate limits, sign-in throttles and the journal. X-Forwarded-For
 * always ends with the TCP peer (lib/http/forwarded-for.cjs appends it); each of the `hops`
 * trusted reverse proxies in front added one entry before it, and anything further left is
 * whatever the client chose to send. With 0 hops (the default), the peer itself.
 */
export function clientIp(headers: { get(name: string): string | null | undefined }, hops = trustedProxyHops()): string {
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const address = chain.at(Math.max(0, chain.length - 1 - hops));
  return (address ?? "inconnue").slice(0, 64);
}
