import { AsyncLocalStorage } from "node:async_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connect";
import { VersionedCache } from "@/lib/search/cache";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let round = 0; round < 5 && ref.deref(); round++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  return ref.deref() === undefined;
}

describe("VersionedCache", () => {
  it("keeps a computed value without keeping the request that computed it", async () => {
    const db = {} as Database;
    const cache = new VersionedCache<number>(10);
    // Next keeps a request's render state in AsyncLocalStorage; a promise made during the request carries it.
    const requestContext = new AsyncLocalStorage<{ render: string[] }>();
    const ref = (() => {
      const render = { render: Array.from({ length: 1000 }, (_, i) => `ligne ${i}`) };
      requestContext.run(render, () => void cache.get(db, "1", ["page"], async () => 42));
      return new WeakRef(render);
    })();
    expect(await collected(ref)).toBe(true);
    expect(await cache.get(db, "1", ["page"], () => Promise.reject(new Error("recomputed")))).toBe(42);
  });

  it("computes once for concurrent requests, forgets a failure, and keeps nothing without a version", async () => {
    const db = {} as Database;
    const cache = new VersionedCache<string>(10);
    let computed = 0;
    const compute = async () => `valeur ${++computed}`;
    expect(await Promise.all([cache.get(db, "1", ["a"], compute), cache.get(db, "1", ["a"], compute)])).toEqual(["valeur 1", "valeur 1"]);
    await expect(cache.get(db, "1", ["b"], () => Promise.reject(new Error("panne")))).rejects.toThrow("panne");
    expect(await cache.get(db, "1", ["b"], compute)).toBe("valeur 2");
    expect(await cache.get(db, undefined, ["a"], compute)).toBe("valeur 3");
    expect(await cache.get(db, "2", ["a"], compute)).toBe("valeur 4");
  });

  it("drops the least recently used entry beyond its size", async () => {
    const db = {} as Database;
    const cache = new VersionedCache<string>(2);
    const value = (text: string) => async () => text;
    await cache.get(db, "1", ["a"], value("a"));
    await cache.get(db, "1", ["b"], value("b"));
    await cache.get(db, "1", ["a"], value("recomputed a"));
    await cache.get(db, "1", ["c"], value("c"));
    expect(await cache.get(db, "1", ["a"], value("recomputed a"))).toBe("a");
    expect(await cache.get(db, "1", ["b"], value("recomputed b"))).toBe("recomputed b");
  });
});
