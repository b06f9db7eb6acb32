/**
 * RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to the very
 * address of the List-Unsubscribe header, which is also the page a person opens (/suivre/desabonner).
 * A page cannot answer a plain POST, so the proxy sends those to a route handler. No import here:
 * the proxy reads this module.
 */
export const UNSUBSCRIBE_PATH = "/suivre/desabonner";
export const ONE_CLICK_ROUTE = "/suivre/desabonner/un-clic";
/** Set by the page's own button (« page »): its answer is then a page, not a bare text. */
export const ONE_CLICK_FIELD = "depuis";

/** A POST to the unsubscribe address that is not one of Next's server actions. */
export function isOneClickPost(request: { method: string; nextUrl: { pathname: string }; headers: Headers }): boolean {
  return request.method === "POST" && request.nextUrl.pathname === UNSUBSCRIBE_PATH && !request.headers.has("next-action");
}
