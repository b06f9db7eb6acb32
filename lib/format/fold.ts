/**
 * Text as compared by people: lower case, no accents, ligatures spelt out (« Œuvre » → « oeuvre »).
 * The one folding of the app's own code; SQL folds the same way with reperes_unaccent/lower.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}

/** Folded text as a URL word: letters and digits joined by single hyphens. */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
