import "server-only";
import type { Database } from "@/lib/db/connect";
import { vocabularyOptions } from "@/lib/editorial/entities/options";
import { slugify } from "@/lib/format/fold";
import { lookupPlaces } from "@/lib/territories/lookup";
import type { PlaceMatchReason } from "@/lib/territories/place-text";
import type { VocabularyRelation } from "@/lib/vocabularies/registry";

/**
 * Spreadsheet values to the records they name, compared as people write them (no case, accents
 * nor punctuation): vocabulary entries by label or by a field synonym of it (/admin/synonymes),
 * actors by name or acronym, places by the public lookup's rules (lib/territories/lookup.ts).
 */
export interface Matcher {
  vocabulary(relation: VocabularyRelation, value: string): number | null;
  actor(value: string): number | null;
  /** The place's code, or a near match to suggest. */
  place(value: string): Promise<{ code: string } | { suggestion: string | null }>;
}

/** How sure a place lookup must be to take its first answer: never a prefix nor a typo. */
const CERTAIN: PlaceMatchReason[] = ["code", "postcode", "alias", "name"];

export async function loadMatcher(db: Database): Promise<Matcher> {
  const [vocabularies, actors, synonyms] = await Promise.all([
    vocabularyOptions(db),
    db.actor.findMany({ where: { deletedAt: null }, select: { id: true, name: true, acronym: true } }),
    db.searchSynonym.findMany({ where: { deletedAt: null }, select: { terms: true } }),
  ]);
  const labels = new Map<string, Map<string, number>>(
    Object.entries(vocabularies).map(([relation, options]) => [
      relation,
      new Map(options.map((option) => [slugify(option.label), Number(option.value)])),
    ]),
  );
  const groups = synonyms.map((group) => group.terms.map(slugify));
  const actorKeys = new Map<string, number>();
  for (const actor of actors) {
    for (const name of [actor.name, actor.acronym]) if (name && !actorKeys.has(slugify(name))) actorKeys.set(slugify(name), actor.id);
  }
  const places = new Map<string, Promise<{ code: string } | { suggestion: string | null }>>();

  return {
    vocabulary(relation, value) {
      const byLabel = labels.get(relation)!;
      const key = slugify(value);
      const direct = byLabel.get(key);
      if (direct !== undefined) return direct;
      for (const group of groups.filter((terms) => terms.includes(key))) {
        for (const term of group) if (byLabel.has(term)) return byLabel.get(term)!;
      }
      return null;
    },
    actor: (value) => actorKeys.get(slugify(value)) ?? null,
    place(value) {
      const key = slugify(value);
      if (!places.has(key)) {
        places.set(
          key,
          lookupPlaces(db, value, { limit: 1 }).then(([best]) =>
            best && CERTAIN.includes(best.matchedBy) ? { code: best.code } : { suggestion: best?.name ?? null },
          ),
        );
      }
      return places.get(key)!;
    },
  };
}
