/** Header carrying the id of a request, from the proxy to the pages and back to the client. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A short random id, easy to read out over the phone (« référence à communiquer »). */
export function newRequestId(): string {
  return crypto.randomUUID().replace(/-/g, "").slice(0, 16);
}
