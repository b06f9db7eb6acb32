/**
 * What makes an address unreadable, checked once in the proxy before any page, route or query
 * sees it: percent-encoding that does not decode to UTF-8 (`%`, `%zz`, `%ff`, the overlong
 * `%c0%af`, a lone surrogate) and control characters once decoded. Next.js would answer the
 * first with its own plain 500 (it decodes path segments itself), and PostgreSQL refuses NUL in
 * text, so both used to end as 500s wherever a value reached the database.
 *
 * Could a legitimate request carry them? No link of ours does, and nobody types a control
 * character in an address. Forms can: every GET form of the site uses `<input type="search">`,
 * whose value the browser strips of line breaks but not of tabs, so a tab pasted into a search
 * box arrives as `%09`; a GET form with a `<textarea>` (none today) would send `%0D%0A`. Those
 * three are blanks that every reader of a text parameter already folds into spaces
 * (lib/format/search-text.ts, zod's trim), so they are let through in the query string only.
 * Nothing legitimate puts any of them in a path, and the other C0 characters and DEL have no
 * use in a query: a 400 is the honest answer there.
 */
export type UrlDefect = "encoding" | "control";

const PATH_CONTROL = /[\u0000-\u001F\u007F]/;
const QUERY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The defect of a URL's path and query string (both as received, still percent-encoded), if any. */
export function urlDefect(pathname: string, search: string): UrlDefect | null {
  const path = decoded(pathname);
  const query = decoded(search);
  if (path === null || query === null) return "encoding";
  if (PATH_CONTROL.test(path) || QUERY_CONTROL.test(query)) return "control";
  return null;
}
