import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib"];
const SOURCE_FILES = ["next.config.js", "package-lock.json", "prisma/schema.prisma"];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build, or when a source file changed after it was made. */
export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = [
    ...SOURCE_DIRS.map((d) => path.join(root, d))
      .filter(existsSync)
      .map(newestMtime),
    ...SOURCE_FILES.map((f) => path.join(root, f))
      .filter(existsSync)
      .map((f) => statSync(f).mtimeMs),
  ];
  return sources.some((mtime) => mtime > builtAt);
}
