/**
 * What the public search boxes (words and places) do to typed text before it reaches
 * PostgreSQL: control and format characters (PostgreSQL refuses NUL in text, a 500 otherwise)
 * and broken code units become spaces, runs of blanks one space, and over-long input is cut
 * rather than refused.
 */
export function cleanSearchText(value: string, maxLength: number): string {
  return value
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\uFFFD]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, maxLength)
    .trim();
}

/**
 * The words of a query with hyphens and apostrophes inside names turned into spaces, so that
 * « Kif-Kif » finds « Kif Kif » and « aller vers » finds « aller-vers » (the French parser
 * indexes a hyphenated word by its parts too). A leading hyphen (websearch's NOT) is kept.
 */
export function looseWords(q: string): string {
  return q.replace(/([\p{L}\p{N}])[-‐‑'’]+(?=[\p{L}\p{N}])/gu, "$1 ");
}
