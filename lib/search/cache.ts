/**
 * Search results and counts kept in memory until the next edit: keyed by the version of what
 * search shows, which the triggers bump in the editing transaction (migration search_version).
 */
import { queryRows } from "@/lib/db/raw";
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
  const rows = await queryRows<{ id: number; version: string }>(db, Prisma.sql`SELECT id, version FROM "SearchVersion" WHERE id IN (1, 2)`);
  const of = (id: number) => {
    const row = rows.find((r) => r.id === id);
    return row ? String(row.version) : undefined;
  };
  return { search: of(1), places: of(2) };
}

/**
 * Computed values, per database client, in an LRU keyed by (version, state). While a value is
 * computed its promise is kept, so that concurrent requests for one key compute once; once
 * settled, only the value stays (a rejected one is forgotten). Keeping the promise itself would
 * keep the request that made it: a promise carries the async context of its request (Next's
 * render state, through AsyncLocalStorage), and a server with 700 cached entries held 700 finished
 * renders (the soak's heap grew until V8 ran out of memory). Without a version nothing is kept.
 */
export class VersionedCache<T> {
  private readonly caches = new WeakMap<Database, Map<string, { pending: Promise<T> } | { value: T }>>();

  constructor(private readonly size: number) {}

  get(db: Database, version: string | undefined, state: unknown[], compute: () => Promise<T>): Promise<T> {
    if (version === undefined) return compute();
    const key = `${version}\u0000${JSON.stringify(state)}`;
    const cache = this.caches.get(db) ?? new Map();
    this.caches.set(db, cache);
    const known = cache.get(key);
    if (known) {
      cache.delete(key);
      cache.set(key, known);
      return "value" in known ? Promise.resolve(known.value) : known.pending;
    }
    const entry = { pending: compute() };
    cache.set(key, entry);
    entry.pending.then(
      (value) => cache.get(key) === entry && cache.set(key, { value }),
      () => cache.get(key) === entry && cache.delete(key),
    );
    for (const oldest of cache.keys()) {
      if (cache.size <= this.size) break;
      cache.delete(oldest);
    }
    return entry.pending;
  }
}

/** Every filter's values, deduplicated and sorted: one key for the states that select the same. */
export function canonicalFilters(query: SearchQuery): string[][] {
  return FILTER_KEYS.map((key) => [...new Set(filterValues(query, key))].sort());
}
