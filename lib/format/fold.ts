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
