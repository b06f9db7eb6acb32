import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** The `next` command line, for the scripts that start Next themselves (start, browser tests, benchmark). */
export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * Heap of the Next server, for every way we start it (`npm start`, the browser tests, the
 * benchmark). Left alone, V8 lets the old generation grow with the rate of garbage: the server
 * under search load sat at 700 MB RSS. Bounded at 224 MB it stays under 400 MB but collects more
 * often; a 16 MB young generation semi-space (V8's default is smaller) lets the short-lived
 * objects of a page render die young instead, which brings the throughput back (measures in
 * ADR 004, "Third pass").
 */
export const DEFAULT_SERVER_HEAP_MB = 224;
const SEMI_SPACE_MB = 16;

/**
 * The environment for a `next` process with those bounds added to NODE_OPTIONS (which the
 * server's own child processes inherit). A flag the operator already set there wins.
 */
export function withServerHeap(env: NodeJS.ProcessEnv, heapMb = DEFAULT_SERVER_HEAP_MB): NodeJS.ProcessEnv {
  let options = env.NODE_OPTIONS ?? "";
  for (const [flag, value] of [
    ["--max-old-space-size", heapMb],
    ["--max-semi-space-size", SEMI_SPACE_MB],
  ] as const) {
    if (!new RegExp(`${flag}[=\\s]`).test(options)) options = `${options} ${flag}=${value}`;
  }
  return { ...env, NODE_OPTIONS: options.trim() };
}

const FORWARDED_FOR_PRELOAD = fileURLToPath(new URL("../http/forwarded-for.cjs", import.meta.url));

/**
 * The environment for a `next` server that sees its clients' real addresses: the TCP peer is
 * appended to X-Forwarded-For before Next.js handles the request (lib/http/client-ip.ts).
 */
export function withPeerAddress(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const preload = `--require ${JSON.stringify(FORWARDED_FOR_PRELOAD)}`;
  const options = env.NODE_OPTIONS ?? "";
  return { ...env, NODE_OPTIONS: options.includes(preload) ? options : `${options} ${preload}`.trim() };
}
