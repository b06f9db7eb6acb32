import { formatPeriod } from "@/lib/format/labels";
import type { Segment } from "./highlight";
import type { SearchHit } from "./types";

/** What a result card shows, computed on the server by toHitCards. */
export interface HitCard {
  id: number;
  slug: string;
  title: Segment[];
  excerpt: Segment[];
  places: string[];
  period: string | null;
  approaches: { slug: string; label: string }[];
  /** « à l'échelle de la région » for an entry covering the chosen place. */
  scale?: string;
}

/** Only what a card shows: the full summary and the dates stay on the server. */
export function toHitCards(hits: SearchHit[]): HitCard[] {
  return hits.map((hit) => ({
    id: hit.id,
    slug: hit.slug,
    title: hit.titleSegments,
    excerpt: hit.excerpt,
    places: hit.territories.map((t) => t.name),
    period: formatPeriod(hit),
    approaches: hit.approaches,
    ...(hit.scale ? { scale: hit.scale } : {}),
  }));
}
