import { createAccount } from "@/lib/accounts/users";
import type { Database } from "@/lib/db/connect";

export const E2E_FIXTURE_COUNT = 22;
export const E2E_DRAFT_SLUG = "e2e-brouillon-non-publie";
export const E2E_TRASHED_SLUG = "e2e-initiative-a-la-corbeille";
/** A contributor who forgets her password (tests/e2e/password-reset.spec.ts); no demo account's changes. */
export const E2E_FORGETFUL = { email: "oublieuse@irev.test", password: "une phrase oubliée depuis longtemps" };

/**
 * Browser-test data on top of the demo content (never part of it): enough published initiatives
 * in Creil for two result pages, a draft and a trashed one that must stay invisible.
 */
export async function loadE2eFixtures(db: Database) {
  await createAccount(db, { ...E2E_FORGETFUL, name: "Olga Oublieuse", role: "CONTRIBUTOR" }, { userId: null });
  const testing = await db.approach.findUniqueOrThrow({ where: { slug: "testing" } });
  for (let n = 1; n <= E2E_FIXTURE_COUNT; n++) {
    await db.initiative.create({
      data: {
        slug: `e2e-atelier-creil-${n}`,
        title: `Atelier de testing à Creil n° ${n}`,
        summary: "Une initiative de test pour les parcours du navigateur.",
        status: "PUBLISHED",
        publishedAt: new Date(Date.UTC(2024, 0, n)),
        startYear: 2023,
        territories: { create: [{ territoryCode: "60175" }] },
        approaches: { create: [{ approachId: testing.id }] },
      },
    });
  }
  await db.initiative.create({
    data: {
      slug: E2E_DRAFT_SLUG,
      title: "Brouillon secret sur l'égalité",
      summary: "Pas encore publié.",
      territories: { create: [{ territoryCode: "59512" }] },
    },
  });
  await db.initiative.create({
    data: {
      slug: E2E_TRASHED_SLUG,
      title: "Initiative supprimée sur l'égalité",
      summary: "Dans la corbeille.",
      status: "PUBLISHED",
      publishedAt: new Date(),
      deletedAt: new Date(),
      territories: { create: [{ territoryCode: "59512" }] },
    },
  });
}
