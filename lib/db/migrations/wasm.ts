import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
export type SchemaEngine = import("@prisma/schema-engine-wasm").SchemaEngine;

/**
 * Prisma's wasm-bindgen panic hook calls `globalThis.PRISMA_WASM_PANIC_REGISTRY.set_message()`
 * just before aborting. Without this object the hook itself throws and a panic surfaces as a
 * bare "RuntimeError: unreachable" with no hint of what went wrong.
 */
export class WasmPanicRegistry {
  #message = "";
  get(): string {
    return this.#message;
  }
  set_message(value: string): void {
    this.#message = value;
  }
}

const g = globalThis as typeof globalThis & {
  PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry;
  // Keyed on globalThis, not a module variable: vitest and Next's dev server may evaluate this
  // module more than once, and a second wasm instance of the engine corrupts memory.
  __reperesSchemaEngineWasm?: Promise<Bindings>;
};
g.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();
export const panicRegistry: WasmPanicRegistry = g.PRISMA_WASM_PANIC_REGISTRY;

/**
 * The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which Node
 * only supports behind --experimental-wasm-modules. So we instantiate the .wasm ourselves and
 * hand it to the JS glue, exactly once per process.
 */
export function loadSchemaEngineWasm(): Promise<Bindings> {
  g.__reperesSchemaEngineWasm ??= (async () => {
    const bindings: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const compiled = await WebAssembly.compile(bytes);
    const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bindings;
  })();
  return g.__reperesSchemaEngineWasm;
}
