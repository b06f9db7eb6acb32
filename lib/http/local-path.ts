// Any origin works as the base: only whether the resolved URL stays on it matters.
const BASE = "http://reperes.invalid";

/**
 * A path on this site to send the browser to after sign-in, or `fallback`. The value is resolved
 * the way a browser would (which drops tabs and line breaks and reads "\" as "/", turning
 * "/\t/evil.example" into "//evil.example"), so anything holding those, or leaving the origin,
 * is refused; what is kept is the path and query only.
 */
export function localPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}`;
}
