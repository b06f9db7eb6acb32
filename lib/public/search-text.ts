/**
 * What the public search boxes do to typed text before it reaches PostgreSQL: control
 * characters (which PostgreSQL refuses in text, a 500 otherwise) are dropped, runs of blanks
 * become one space, and over-long input is cut rather than refused.
 */
export function cleanSearchText(value: string, maxLength: number): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").slice(0, maxLength).trim();
}

/**
 * The words of a query with hyphens and apostrophes inside names turned into spaces, so that
 * « Kif-Kif » finds « Kif Kif » and « aller vers » finds « aller-vers » (the French parser
 * indexes a hyphenated word by its parts too). A leading hyphen (websearch's NOT) is kept.
 */
export function looseWords(q: string): string {
  return q.replace(/([\p{L}\p{N}])[-‐‑'’]+(?=[\p{L}\p{N}])/gu, "$1 ");
}
