/**
 * The caller's address as the nearest proxy saw it: the last X-Forwarded-For entry (earlier ones
 * are whatever the client chose to send), or X-Real-IP. Only used for rate limits and the journal.
 */
export function clientIp(headers: { get(name: string): string | null | undefined }): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return (last ?? headers.get("x-real-ip") ?? "inconnue").slice(0, 64);
}
