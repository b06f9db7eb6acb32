/**
 * Whether a request is the Next router prefetching a link. Its own headers (`Next-Router-Prefetch`,
 * `Next-Router-Segment-Prefetch`) are hidden from pages' `headers()`, so the proxy says it in this
 * one, set on every request and never taken from the client.
 */
export const PREFETCH_HEADER = "x-reperes-prefetch";

export function markPrefetch(incoming: Headers, outgoing: Headers): void {
  const prefetch = incoming.has("next-router-prefetch") || incoming.has("next-router-segment-prefetch");
  if (prefetch) outgoing.set(PREFETCH_HEADER, "1");
  else outgoing.delete(PREFETCH_HEADER);
}
