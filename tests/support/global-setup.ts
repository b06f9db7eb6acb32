import type { TestProject } from "vitest/node";
import { prepareDatabase } from "@/lib/startup/prepare";
import { createTestDatabase } from "./database";
import { acquireTestServer } from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: a PostgreSQL server, and a template database with every migration applied and
 * the reference data loaded. Each test file then gets its own copy (tests/support/worker-database.ts).
 */
export default async function setup(project: TestProject) {
  const server = await acquireTestServer();
  const template = await createTestDatabase({ prefix: "reperes_template", serverUrl: server.url });
  await prepareDatabase(template.url, { demo: false });
  project.provide("testServerUrl", server.url);
  project.provide("templateDatabase", template.name);
  return async () => {
    await template.drop();
    await server.release();
  };
}
