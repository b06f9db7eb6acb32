/**
 * Search results and counts kept in memory until the next edit: keyed by the version of what
 * search shows, which the triggers bump in the editing transaction (migration search_version).
 */
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { filterValues } from "./filters-sql";
import { FILTER_KEYS, type SearchQuery } from "./query";

/** Row 1: the search version; row 2: the version of the place names (territories only). */
export interface Versions {
  search: string | undefined;
  places: string | undefined;
}

/**
 * The version of what search shows: statement triggers on "InitiativeSearch", the vocabularies,
 * the territories and every other table the open data reads bump it in the editing transaction
 * (ADR 011: it is also the open data's HTTP validator), so a reader sees a new version exactly
 * when it can see the edit.
 */
export async function searchVersions(db: Database): Promise<Versions> {
  const rows = await db.$queryRaw<{ id: number; version: bigint }[]>(Prisma.sql`SELECT id, version FROM "SearchVersion" WHERE id IN (1, 2)`);
  const of = (id: number) => {
    const row = rows.find((r) => r.id === id);
    return row ? String(row.version) : undefined;
  };
  return { search: of(1), places: of(2) };
}

/**
 * Promises of computed values, per database client, in an LRU keyed by (version, state). The
 * promise is kept, so that concurrent requests for one key compute once; a rejected one is
 * forgotten. Without a version (no SearchVersion row) nothing is kept.
 */
export class VersionedCache<T> {
  private readonly caches = new WeakMap<Database, Map<string, Promise<T>>>();

  constructor(private readonly size: number) {}

  get(db: Database, version: string | undefined, state: unknown[], compute: () => Promise<T>): Promise<T> {
    if (version === undefined) return compute();
    const key = `${version}\u0000${JSON.stringify(state)}`;
    const cache = this.caches.get(db) ?? new Map<string, Promise<T>>();
    this.caches.set(db, cache);
    let value = cache.get(key);
    if (value) cache.delete(key);
    else {
      value = compute();
      value.catch(() => cache.delete(key));
    }
    cache.set(key, value);
    for (const oldest of cache.keys()) {
      if (cache.size <= this.size) break;
      cache.delete(oldest);
    }
    return value;
  }
}

/** Every filter's values, deduplicated and sorted: one key for the states that select the same. */
export function canonicalFilters(query: SearchQuery): string[][] {
  return FILTER_KEYS.map((key) => [...new Set(filterValues(query, key))].sort());
}
