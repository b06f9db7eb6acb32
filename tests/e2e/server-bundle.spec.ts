import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Every server chunk is read into the heap of each app process (its source is kept as a string):
// France-wide reference data pulled in by one shared helper once put 2 × 12 MB of JSON into every
// server and, with the heap bounded at 224 MB, ended the soak with V8's out-of-memory error.

const SERVER_DIR = path.join(process.cwd(), ".next", "server");
const LARGEST_CHUNK_BYTES = 2 * 1024 * 1024;

function serverChunks(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverChunks(file);
    return entry.name.endsWith(".js") ? [file] : [];
  });
}

test("the built server holds no chunk over 2 MB and no reference data of the whole of France", () => {
  const chunks = serverChunks(SERVER_DIR);
  expect(chunks.length).toBeGreaterThan(10);
  const oversized = chunks.filter((file) => statSync(file).size > LARGEST_CHUNK_BYTES).map((file) => path.relative(SERVER_DIR, file));
  expect(oversized).toEqual([]);
  // A field of @etalab/decoupage-administratif's communes.json, read at start-up only.
  const withCommunes = chunks
    .filter((file) => readFileSync(file, "utf8").includes('"typeLiaison"'))
    .map((file) => path.relative(SERVER_DIR, file));
  expect(withCommunes).toEqual([]);
});
