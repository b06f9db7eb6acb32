import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./database";

// Runs before each test file is imported: the file gets a fresh database, copied from the
// migrated template, and every module that reads DATABASE_URL (lib/db/client) uses it.
process.env.TEST_DATABASE_SERVER_URL = inject("testServerUrl");
const database = await createTestDatabase({ template: inject("templateDatabase") });
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const holder = globalThis as { reperesPrisma?: { $disconnect(): Promise<void> } };
  await holder.reperesPrisma?.$disconnect();
  await database.drop();
});
