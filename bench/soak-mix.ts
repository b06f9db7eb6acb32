import type pg from "pg";
import { emptyQuery, toSearchParams, type SearchQuery } from "@/lib/search/query";
import { Random } from "./random";
import { CONTENT_WORDS } from "./vocabulary";
import { buildWorkload } from "./workload";

/** What the soak does, one class per line of its report. */
export const SOAK_CLASSES = ["search-unique", "search-repeated", "page", "export", "api", "edit"] as const;
export type SoakClass = (typeof SOAK_CLASSES)[number];

/**
 * Shares of the mix, in percent. Reading dominates as on the public site; exports and the API
 * are a few percent each (an export is a whole result set); edits are rare but frequent enough
 * that editors of the same entries meet (bench/soak-edits.ts).
 */
export const SOAK_MIX: Record<SoakClass, number> = {
  "search-unique": 25,
  "search-repeated": 20,
  page: 35,
  export: 5,
  api: 7,
  edit: 8,
};

export type SoakStep = { class: Exclude<SoakClass, "edit">; path: string } | { class: "edit" };

/** Rows of the benchmark database the pages are drawn from. */
export interface SoakCatalog {
  initiativeSlugs: string[];
  /** Communes and EPCI with at least one initiative: territory pages, search and export filters. */
  places: string[];
  /** Places kept small enough for an export to stay a download, not a dump of the base. */
  exportPlaces: string[];
}

// Slugs of the reference vocabularies the generator links to (bench/generate.ts).
const APPROACHES = ["mediation", "testing", "sensibilisation", "acces-au-droit", "pairs-ambassadeurs"];
const THEMES = ["contrats-de-ville", "pouvoir-d-agir-habitants"];
const SCOPES: SearchQuery["portee"][] = ["local", "tous", "couvrant"];
const SORTS: SearchQuery["tri"][] = ["pertinence", "recent", "titre"];

/** A seeded sample of what the pages show, so that a run with the same seed asks the same things. */
export async function loadCatalog(pool: pg.Pool, seed: number): Promise<SoakCatalog> {
  const order = `md5(x::text || $1::text)`;
  const slugs = await pool.query<{ slug: string }>(
    `SELECT slug FROM (SELECT slug AS x, slug FROM "Initiative" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL) s ORDER BY ${order} LIMIT 400`,
    [seed],
  );
  const places = await pool.query<{ code: string; initiatives: number }>(
    `SELECT code, initiatives FROM (
       SELECT t.code AS x, t.code, count(*)::int AS initiatives
       FROM "InitiativeTerritory" it JOIN "Territory" t ON t.code = it."territoryCode"
       WHERE t.kind IN ('COMMUNE', 'EPCI') GROUP BY t.code) p
     ORDER BY ${order} LIMIT 300`,
    [seed],
  );
  const codes = places.rows.map((row) => row.code);
  // Under 1 % of the base: exports stay seconds long at 200,000 initiatives.
  const total = places.rows.reduce((sum, row) => Math.max(sum, row.initiatives), 0);
  const small = places.rows.filter((row) => row.initiatives <= Math.max(50, total / 10)).map((row) => row.code);
  return { initiativeSlugs: slugs.rows.map((row) => row.slug), places: codes, exportPlaces: small.length > 0 ? small : codes };
}

/**
 * The sequence of steps of a soak: seeded, so that two runs ask the same things in the same
 * order (which worker takes which step depends on timing). "search-unique" paths never repeat
 * within a run, so each one computes its page and counts; "search-repeated" cycles through the
 * benchmark's fixed workload, answered from the caches once seen.
 */
export class SoakMix {
  private readonly random: Random;
  private readonly repeated: string[];
  private readonly seen: Set<string>;
  private readonly thresholds: [SoakClass, number][];
  private rotation = 0;

  constructor(
    private readonly catalog: SoakCatalog,
    seed: number,
    mix: Record<SoakClass, number> = SOAK_MIX,
  ) {
    if (catalog.initiativeSlugs.length === 0 || catalog.places.length === 0)
      throw new Error("Catalogue vide : aucune initiative publiée ou aucun territoire lié.");
    this.random = new Random(seed);
    this.repeated = buildWorkload().map((item) => `/initiatives?${toSearchParams(item.query).toString()}`);
    // A "unique" search that happens to be one of the workload's would be answered from cache.
    this.seen = new Set(this.repeated);
    const total = SOAK_CLASSES.reduce((sum, key) => sum + mix[key], 0);
    let cumulative = 0;
    this.thresholds = SOAK_CLASSES.map((key) => [key, (cumulative += mix[key] / total)]);
  }

  /** The random source of the run, for the choices the editors make. */
  get rng(): Random {
    return this.random;
  }

  next(): SoakStep {
    const draw = this.random.next();
    const kind = this.thresholds.find(([, upTo]) => draw < upTo)?.[0] ?? "page";
    switch (kind) {
      case "search-unique":
        return { class: kind, path: this.uniqueSearch() };
      case "search-repeated":
        return { class: kind, path: this.repeated[this.rotation++ % this.repeated.length]! };
      case "page":
        return { class: kind, path: this.page() };
      case "export":
        return { class: kind, path: this.export() };
      case "api":
        return { class: kind, path: this.api() };
      case "edit":
        return { class: "edit" };
    }
  }

  private word(): string {
    // The first 400 words: frequent enough to match, varied enough to combine uniquely.
    return CONTENT_WORDS[this.random.int(0, Math.min(400, CONTENT_WORDS.length) - 1)]!;
  }

  private uniqueSearch(): string {
    for (;;) {
      const r = this.random;
      const query: Partial<SearchQuery> = {
        q: r.chance(0.8) ? [this.word(), ...(r.chance(0.4) ? [this.word()] : [])].join(" ") : "",
        territoire: r.chance(0.6) ? [r.pick(this.catalog.places)] : [],
        approche: r.chance(0.25) ? [r.pick(APPROACHES)] : [],
        theme: r.chance(0.1) ? [r.pick(THEMES)] : [],
        statut: r.chance(0.1) ? [r.pick(["en-cours", "termine"] as const)] : [],
        portee: r.pick(SCOPES),
        tri: r.pick(SORTS),
        page: r.chance(0.2) ? r.int(2, 5) : 1,
      };
      const path = `/initiatives?${toSearchParams({ ...emptyQuery, ...query }).toString()}`;
      if (!this.seen.has(path)) {
        this.seen.add(path);
        return path;
      }
    }
  }

  private page(): string {
    const r = this.random;
    const pages = [
      () => "/",
      () => `/initiatives/${r.pick(this.catalog.initiativeSlugs)}`,
      () => `/initiatives/${r.pick(this.catalog.initiativeSlugs)}`,
      () => `/territoires/${r.pick(this.catalog.places)}`,
      () => "/carte",
      () => `/recherche?q=${encodeURIComponent(this.word())}`,
      () => "/enseignements",
      () => "/acteurs",
    ];
    return r.pick(pages)();
  }

  private export(): string {
    const r = this.random;
    const params = new URLSearchParams({ territoire: r.pick(this.catalog.exportPlaces) });
    if (r.chance(0.5)) params.set("approche", r.pick(APPROACHES));
    return `/initiatives/export.${r.chance(0.5) ? "csv" : "json"}?${params}`;
  }

  private api(): string {
    const r = this.random;
    if (r.chance(0.4)) return `/api/v1/initiatives/${r.pick(this.catalog.initiativeSlugs)}`;
    const params = new URLSearchParams({ page: String(r.int(1, 20)), par_page: String(r.pick([20, 50, 100])) });
    if (r.chance(0.5)) params.set("territoire", r.pick(this.catalog.places));
    return `/api/v1/initiatives?${params}`;
  }
}
