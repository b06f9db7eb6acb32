import { beforeAll } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/connect";
import { loadDemoContent } from "@/lib/demo/load";
import { parseSearchQuery } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import { makeInitiative } from "./factories";

// The data of the public-search-*.test.ts files: the demo content, two initiatives of the Oise
// with an approach and a start year, and a draft and a trashed one in Roubaix that no search shows.

export const ACSO = "200068047";
export const CREIL = "60175";
export const MONTATAIRE = "60414";
export const ROUBAIX = "59512";

async function seedPublicSearch(db: Database) {
  await loadDemoContent(db);
  await makeInitiative(db, {
    slug: "permanence-juridique-creil",
    title: "Une permanence juridique contre la discrimination à Creil",
    places: [CREIL],
    approaches: ["acces-au-droit"],
    data: { startYear: 2022 },
  });
  await makeInitiative(db, {
    slug: "testing-logement-montataire",
    title: "Testing sur l'accès au logement à Montataire",
    places: [MONTATAIRE],
    approaches: ["testing"],
    data: { startYear: 2019 },
  });
  await makeInitiative(db, { slug: "brouillon-roubaix", title: "Brouillon sur l'égalité à Roubaix", places: [ROUBAIX], status: "DRAFT" });
  await makeInitiative(db, {
    slug: "corbeille-roubaix",
    title: "Égalité à Roubaix, mise à la corbeille",
    places: [ROUBAIX],
    trashed: true,
  });
}

/**
 * For a test file: its client, seeded before its tests, and a search as the /initiatives page runs
 * it from its query string, with the slugs it finds (sorted).
 */
export function publicSearchFixture() {
  const db = createPrismaClient();
  beforeAll(() => seedPublicSearch(db));
  const search = (params: string, pageSize?: number) => searchInitiatives(db, parseSearchQuery(new URLSearchParams(params)), { pageSize });
  const slugs = async (params: string) => (await search(params, 100)).items.map((item) => item.slug).sort();
  return { db, search, slugs };
}
