/**
 * Timings of the findability paths (issue 10) on the benchmark database: the one search box
 * (/recherche) as a whole and kind by kind, and the lessons list by place (/enseignements). Each
 * query runs once to warm up, then `rounds` times; p50/p95 per class. The initiative part has its
 * own result cache (ADR 004), the other kinds none: the calls that search initiatives bump the
 * search version first, as an edit would, so that every figure here is a computed one.
 * The process's shared database client (lib/db/client) must point at the benchmark database:
 * callers set DATABASE_URL before importing this module.
 */
import { prisma } from "@/lib/db/client";
import { parseActorQuery, searchActors } from "@/lib/public/actors";
import { parseLessonQuery, searchLessons } from "@/lib/public/lessons";
import { GROUP_SIZE, searchInitiativeGroup, searchSources, sharedParams, unifiedSearch } from "@/lib/public/unified-search";
import type { PlaceScope } from "@/lib/search/place-scope";
import type { Place } from "@/lib/territories/lookup";
import { BUMP_SEARCH_VERSION, percentiles, timed, type Percentiles } from "./measure";
import { termClasses } from "./vocabulary";
import { PLACES } from "./workload";

export const FINDABILITY_CLASSES = [
  "recherche (tout)",
  "recherche : initiatives",
  "recherche : acteurs",
  "recherche : enseignements",
  "recherche : sources",
  "enseignements par lieu",
] as const;
export type FindabilityClass = (typeof FINDABILITY_CLASSES)[number];
export type FindabilityFigures = Record<FindabilityClass | "all", Percentiles>;
export const FINDABILITY_TARGET_P95_MS = 50;
/** The class of the one search box as a whole, with its own target (issue 14). */
export const UNIFIED_CLASS: FindabilityClass = "recherche (tout)";

const creil: Place = { code: PLACES.creil, name: "Creil", kind: "COMMUNE" };
const roubaix: Place = { code: PLACES.roubaix, name: "Roubaix", kind: "COMMUNE" };
const acso: Place = { code: PLACES.acso, name: "ACSO", kind: "EPCI" };
const region: Place = { code: PLACES.region, name: "Hauts-de-France", kind: "REGION" };

/** What people ask the search box: words of every frequency, with and without a place. */
function unifiedQueries(): { q: string; place: Place | null; scope: PlaceScope }[] {
  const terms = termClasses();
  return [
    ...[...terms.common.slice(0, 3), ...terms.medium.slice(0, 3), ...terms.rare.slice(0, 3)].map((q) => ({
      q,
      place: null,
      scope: "tous" as const,
    })),
    ...[creil, roubaix, acso].map((place) => ({ q: terms.medium[4]!, place, scope: "tous" as const })),
    ...[creil, roubaix].map((place) => ({ q: "", place, scope: "tous" as const })),
    { q: "", place: region, scope: "local" },
    { q: terms.common[2]!, place: creil, scope: "couvrant" },
  ];
}

const lessonLists = () => {
  const terms = termClasses();
  return [
    { territoire: PLACES.creil },
    { territoire: PLACES.roubaix, portee: "local" },
    { territoire: PLACES.acso, portee: "couvrant" },
    { territoire: "60" },
    { territoire: PLACES.region, portee: "local" },
    ...[terms.common[1]!, terms.medium[2]!, terms.rare[1]!].map((q) => ({ q, territoire: PLACES.creil })),
  ];
};

/** `computed`: the call reads the initiative search, whose result cache a version bump defeats. */
function workload(): { class: FindabilityClass; run: () => Promise<unknown>; computed?: boolean }[] {
  return [
    ...unifiedQueries().flatMap(({ q, place, scope }) => {
      const params = sharedParams(q, place?.code ?? null, scope);
      return [
        { class: UNIFIED_CLASS, run: () => unifiedSearch(q, place, scope), computed: true },
        {
          class: "recherche : initiatives" as const,
          run: () => searchInitiativeGroup(params),
          computed: true,
        },
        { class: "recherche : acteurs" as const, run: () => searchActors(parseActorQuery(Object.fromEntries(params)), GROUP_SIZE) },
        {
          class: "recherche : enseignements" as const,
          run: () => searchLessons(parseLessonQuery(Object.fromEntries(params)), { pageSize: GROUP_SIZE }),
        },
        { class: "recherche : sources" as const, run: () => searchSources(q, place, scope) },
      ];
    }),
    ...lessonLists().map((params) => ({ class: "enseignements par lieu" as const, run: () => searchLessons(parseLessonQuery(params)) })),
  ];
}

/**
 * One warm-up pass, then `rounds` timed passes, one call at a time; the search version is bumped
 * (untimed) before each call that would otherwise come from the initiative result cache.
 */
export async function measureFindability(rounds: number): Promise<FindabilityFigures> {
  const items = workload();
  for (const item of items) await item.run();
  const samples = new Map<FindabilityClass, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      if (item.computed) await prisma.$executeRawUnsafe(BUMP_SEARCH_VERSION);
      samples.set(item.class, [...(samples.get(item.class) ?? []), await timed(item.run)]);
    }
  }
  const out = Object.fromEntries(FINDABILITY_CLASSES.map((name) => [name, percentiles(samples.get(name) ?? [])])) as FindabilityFigures;
  out.all = percentiles([...samples.values()].flat());
  return out;
}

export async function disconnectFindability() {
  await prisma.$disconnect();
}
