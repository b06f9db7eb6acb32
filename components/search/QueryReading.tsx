import type { UnderstoodPlace } from "@/lib/search/place-words";
import { type SearchQuery, toSearchParams } from "@/lib/search/query";

/**
 * What the search made of the words typed: places read as places (with a link that keeps them as
 * words, `interpreter=non`) and words left out when all of them together found nothing.
 */
export function QueryReading({ query, places, droppedWords }: { query: SearchQuery; places: UnderstoodPlace[]; droppedWords?: string[] }) {
  if (places.length === 0 && !droppedWords?.length) return null;
  const asWords = toSearchParams({ ...query, page: 1, interpret: false }).toString();
  const quoted = (words: string[]) => words.map((word) => `« ${word} »`).join(", ");
  return (
    <div className="meta query-reading">
      {places.length > 0 && (
        <p>
          {places
            .map((place) =>
              place.words.toLowerCase() === place.name.toLowerCase() ? `« ${place.words} »` : `« ${place.words} » (${place.name})`,
            )
            .join(", ")}{" "}
          compris comme {places.length > 1 ? "lieux" : "lieu"}. <a href={`/initiatives?${asWords}`}>Chercher ces mots dans le texte</a>
        </p>
      )}
      {droppedWords && droppedWords.length > 0 && <p>Aucun résultat avec tous les mots ; résultats sans {quoted(droppedWords)}.</p>}
    </div>
  );
}
