import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateBenchData } from "@/bench/generate";
import { errorKind, get, rssVerdict, runSoak, soakTargets, type RssSample } from "@/bench/soak";
import { checkEdits, editOnce, hotEntries, latestMarkedVersion, soakEditors, type EditAttempt, type HotEntry } from "@/bench/soak-edits";
import { loadCatalog, SOAK_CLASSES, SOAK_MIX, SoakMix, type SoakCatalog, type SoakStep } from "@/bench/soak-mix";
import { createPrismaClient } from "@/lib/db/connect";
import type { Actor } from "@/lib/editorial/permissions";
import { parseSearchQuery, toSearchParams } from "@/lib/search/query";
import { testFilePool } from "../support/database";

// The soak of `npm run bench -- --soak` in pieces: its mix on generated data, its HTTP error
// counting against a real socket, its lost-update check on concurrent engine saves, its RSS
// rule, and the whole loop for a few seconds against a stand-in for the app (the suite starts no
// Next server) that serves each entry's page from the database, as the app does.
const pool = testFilePool(5);
const db = createPrismaClient();
let catalog: SoakCatalog;
let editors: Actor[];
let entries: HotEntry[];

beforeAll(async () => {
  await generateBenchData(pool, { initiatives: 400 });
  catalog = await loadCatalog(pool, 1);
  editors = await soakEditors(db, 3);
  entries = await hotEntries(db, editors[0]!, catalog.places[0]!);
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

/** The entry's current summary, read as the public page reads it: published, not trashed. */
async function publicSummary(slug: string): Promise<string> {
  const row = await db.initiative.findFirst({ where: { slug, status: "PUBLISHED", deletedAt: null }, select: { summary: true } });
  return row?.summary ?? "";
}

function draw(mix: SoakMix, count: number): SoakStep[] {
  return Array.from({ length: count }, () => mix.next());
}

describe("soak mix", () => {
  it("draws from published initiatives and linked places of the database", async () => {
    expect(catalog.initiativeSlugs.length).toBeGreaterThan(100);
    const published = await pool.query(
      `SELECT count(*)::int AS n FROM "Initiative" WHERE slug = ANY($1) AND status = 'PUBLISHED' AND "deletedAt" IS NULL`,
      [catalog.initiativeSlugs],
    );
    expect(published.rows[0].n).toBe(catalog.initiativeSlugs.length);
    const linked = await pool.query(
      `SELECT count(DISTINCT "territoryCode")::int AS n FROM "InitiativeTerritory" WHERE "territoryCode" = ANY($1)`,
      [catalog.places],
    );
    expect(linked.rows[0].n).toBe(catalog.places.length);
    expect(catalog.exportPlaces.every((code) => catalog.places.includes(code))).toBe(true);
  });

  it("gives the same steps for the same seed, in the shares of SOAK_MIX, with unique searches that never repeat", () => {
    const steps = draw(new SoakMix(catalog, 42), 6000);
    expect(draw(new SoakMix(catalog, 42), 6000)).toEqual(steps);
    expect(draw(new SoakMix(catalog, 43), 50)).not.toEqual(steps.slice(0, 50));
    for (const key of SOAK_CLASSES) {
      const share = (steps.filter((step) => step.class === key).length / steps.length) * 100;
      expect(Math.abs(share - SOAK_MIX[key]), key).toBeLessThan(2);
    }
    const paths = (key: SoakStep["class"]) => steps.flatMap((step) => (step.class === key && "path" in step ? [step.path] : []));
    const unique = paths("search-unique");
    expect(new Set(unique).size).toBe(unique.length);
    const repeated = paths("search-repeated");
    expect(new Set(repeated).size).toBeLessThan(repeated.length / 10);
    expect(unique.filter((path) => repeated.includes(path))).toEqual([]);
    // Every search path is one the app reads back to the same query (no parameter it drops).
    for (const path of [...unique, ...repeated]) {
      const params = new URL(path, "http://x").searchParams;
      expect(`/initiatives?${toSearchParams(parseSearchQuery(params))}`).toBe(path);
    }
    const pages = paths("page").map((path) => path.replace(/^\/(initiatives|territoires)\/.+$/, "/$1/*").replace(/\?.*$/, ""));
    expect(new Set(pages)).toEqual(
      new Set(["/", "/initiatives/*", "/territoires/*", "/carte", "/recherche", "/enseignements", "/acteurs"]),
    );
    const exports = paths("export");
    expect(
      exports.some((path) => path.startsWith("/initiatives/export.csv?")) &&
        exports.some((path) => path.startsWith("/initiatives/export.json?")),
    ).toBe(true);
    expect(exports.every((path) => catalog.exportPlaces.includes(new URL(path, "http://x").searchParams.get("territoire")!))).toBe(true);
    expect(paths("api").every((path) => path.startsWith("/api/v1/initiatives"))).toBe(true);
  });
});

/** A server on a free port answering with `handler`; closed by the returned function. */
async function serve(handler: http.RequestListener): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe("soak error counting", () => {
  it("classes a broken stream as a network error, a silent server as a timeout, and statuses by family", async () => {
    const server = await serve((request, response) => {
      switch (request.url) {
        case "/ok":
          return response.end("bonjour");
        case "/not-modified":
          response.writeHead(304);
          return response.end();
        case "/moved":
          response.writeHead(302, { Location: "/ok" });
          return response.end();
        case "/missing":
          response.writeHead(404);
          return response.end();
        case "/boom":
          response.writeHead(503);
          return response.end();
        case "/cut":
          // Half an export, then the connection drops: the status line said 200.
          response.writeHead(200, { "Content-Type": "text/csv" });
          response.write("id;titre\n1;");
          setImmediate(() => request.socket.destroy());
          return;
        case "/silent":
          return; // never answers
      }
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    try {
      const at = (path: string) => get(agent, server.baseUrl + path, { timeoutMs: 300, keepBody: true });
      const ok = await at("/ok");
      expect([errorKind(ok), ok.body]).toEqual([null, "bonjour"]);
      expect(errorKind(await at("/not-modified"))).toBeNull();
      expect(errorKind(await at("/moved"))).toBe("3xx");
      expect(errorKind(await at("/missing"))).toBe("4xx");
      expect(errorKind(await at("/boom"))).toBe("5xx");
      expect(errorKind(await at("/cut"))).toBe("network");
      expect(errorKind(await at("/silent"))).toBe("timeout");
      expect(errorKind(await get(agent, "http://127.0.0.1:1/", { timeoutMs: 300 }))).toBe("network");
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});

describe("soak edits", () => {
  async function concurrentEdits(workers: number, rounds: number): Promise<EditAttempt[]> {
    const attempts: EditAttempt[] = [];
    await Promise.all(
      Array.from({ length: workers }, async (_, index) => {
        for (let round = 0; round < rounds; round++) {
          const { attempt, stale } = await editOnce(db, editors[index % editors.length]!, entries[round % entries.length]!, publicSummary);
          expect(stale).toBeUndefined();
          attempts.push(attempt);
        }
      }),
    );
    return attempts;
  }

  const fresh = async () =>
    Promise.all(
      entries.map(async (entry) => ({
        ...entry,
        startVersion: (await db.initiative.findUniqueOrThrow({ where: { id: entry.id } })).version,
      })),
    );

  it("lands or refuses each concurrent save, and finds every accepted one in the history and the latest state", async () => {
    const start = await fresh();
    const attempts = await concurrentEdits(6, 6);
    expect(attempts.filter((a) => a.outcome === "other")).toEqual([]);
    const check = await checkEdits(db, start, attempts);
    expect(check.lost).toEqual([]);
    expect(check.conflicts).toBeGreaterThan(0);
    expect(check.saved + check.conflicts).toBe(36);
    for (const entry of start) {
      const row = await db.initiative.findUniqueOrThrow({ where: { id: entry.id } });
      expect(row.version - entry.startVersion).toBe(attempts.filter((a) => a.entryId === entry.id && a.outcome === "saved").length);
      expect(latestMarkedVersion(row.summary, entry.id)).toBe(row.version);
    }
  });

  it("reports a save overwritten behind the engine's back, two saves claiming one version, and a refused save that landed", async () => {
    const start = await fresh();
    const attempts = await concurrentEdits(3, 2);
    expect((await checkEdits(db, start, attempts)).lost).toEqual([]);
    const [entry] = start;
    const saved = attempts.filter((a) => a.entryId === entry!.id && a.outcome === "saved");
    const last = saved.reduce((top, a) => (a.savedVersion! > top.savedVersion! ? a : top));

    // What a save without the version check does: last write wins, no revision.
    await pool.query(`UPDATE "Initiative" SET summary = 'Écrasé sans verrou, résumé de remplacement.' WHERE id = $1`, [entry!.id]);
    expect((await checkEdits(db, start, attempts)).lost).toEqual([
      expect.stringContaining(`≠ dernier enregistrement accepté ${last.marker}`),
    ]);
    await pool.query(`UPDATE "Initiative" SET summary = $2 WHERE id = $1`, [entry!.id, `Résumé du banc d'endurance, ${last.marker}.`]);

    const twin: EditAttempt = { ...saved[0]!, marker: "endurance-0-v0-e0-n0" };
    const twinLost = (await checkEdits(db, start, [...attempts, twin])).lost;
    expect(twinLost).toContainEqual(expect.stringContaining(`deux enregistrements acceptés pour la version ${twin.savedVersion}`));
    expect(twinLost).toContainEqual(expect.stringContaining(`${twin.marker} absent de l'historique`));

    const hidden = attempts.map((a) => (a === last ? { ...a, outcome: "conflict" as const } : a));
    expect((await checkEdits(db, start, hidden)).lost).toContainEqual(
      expect.stringContaining(`version ${last.savedVersion} dans l'historique sans enregistrement accepté`),
    );
  });
});

describe("RSS stability rule", () => {
  const series = (minutes: number, mbAt: (minute: number) => number): RssSample[] =>
    Array.from({ length: minutes * 12 + 1 }, (_, n) => ({ atMs: n * 5000, mb: mbAt((n * 5) / 60) }));

  it("accepts a flat or settling RSS, refuses a steady climb, the ceiling, and a run without samples", () => {
    const tenMinutes = 600_000;
    expect(
      rssVerdict(
        series(10, () => 300),
        tenMinutes,
      ),
    ).toMatchObject({ firstMb: 300, lastMb: 300, stable: true, windowS: 60 });
    // A cache filling during the first minute, then flat.
    expect(
      rssVerdict(
        series(10, (m) => 280 + Math.min(m, 1) * 30),
        tenMinutes,
      ).stable,
    ).toBe(true);
    // +3 % a minute: 26 % after ten minutes.
    const leak = rssVerdict(
      series(10, (m) => 300 * (1 + 0.03 * m)),
      tenMinutes,
    );
    expect(leak.lastMb / leak.firstMb).toBeGreaterThan(1.15);
    expect(leak.stable).toBe(false);
    expect(
      rssVerdict(
        series(10, () => 400),
        tenMinutes,
      ).stable,
    ).toBe(false);
    expect(rssVerdict([], tenMinutes).stable).toBe(false);
    // Two minutes: first and last 40 s.
    const short = rssVerdict(
      series(2, (m) => (m < 0.7 ? 200 : 300)),
      120_000,
    );
    expect(short).toMatchObject({ windowS: 40, firstMb: 200, lastMb: 300, stable: false });
  });
});

describe("soak loop", () => {
  /**
   * The app's part played by a small server: /carte fails, an entry's page shows its summary
   * from the database (or, `frozen`, the first one it read, as a page cache nobody clears
   * would), everything else answers 200.
   */
  async function standIn(frozen: boolean) {
    const seen = new Map<string, string>();
    return serve(async (request, response) => {
      const url = new URL(request.url!, "http://x");
      if (url.pathname === "/carte") {
        response.writeHead(500);
        return response.end();
      }
      const slug = /^\/initiatives\/([^/.]+)$/.exec(url.pathname)?.[1];
      if (slug && entries.some((entry) => entry.slug === slug)) {
        const summary = (frozen && seen.get(slug)) || (await publicSummary(slug));
        seen.set(slug, summary);
        return response.end(`<p class="lead">${summary}</p>`);
      }
      response.end("ok");
    });
  }

  async function soak(frozen: boolean) {
    const server = await standIn(frozen);
    try {
      return await runSoak({
        baseUrl: server.baseUrl,
        serverPid: process.pid,
        db,
        catalog,
        editors,
        entries: await Promise.all(
          entries.map(async (entry) => ({
            ...entry,
            startVersion: (await db.initiative.findUniqueOrThrow({ where: { id: entry.id } })).version,
          })),
        ),
        seed: 7,
        durationMs: 3000,
        warmupMs: 300,
        connections: 10,
        rssEveryMs: 100,
      });
    } finally {
      await server.close();
    }
  }

  it("counts every failed request, lands or refuses every edit without losing one, and samples RSS", async () => {
    const figures = await soak(false);
    expect(figures.requests).toBeGreaterThan(100);
    expect(figures.errors["5xx"]).toBeGreaterThan(0);
    // Warm-up errors count too, outside the classes' figures.
    expect(figures.errors["5xx"]).toBe(figures.classes.page.errors + figures.warmup.errors);
    expect(figures.classes.page.errors).toBeGreaterThan(0);
    expect(figures.examples.every((example) => example.includes("/carte"))).toBe(true);
    expect({ ...figures.errors, "5xx": 0 }).toEqual({ "5xx": 0, "4xx": 0, "3xx": 0, network: 0, timeout: 0, edit: 0 });
    expect(figures.edits.saved).toBeGreaterThan(0);
    expect(figures.edits.conflicts).toBeGreaterThan(0);
    expect(figures.edits.saved + figures.edits.conflicts).toBe(figures.edits.attempts);
    expect([figures.edits.lost, figures.edits.stale]).toEqual([[], []]);
    expect(figures.rss!.samples).toBeGreaterThan(10);
    const met = Object.fromEntries(soakTargets(figures).map((t) => [t.target.split(" (")[0], t.met]));
    expect(met).toMatchObject({ "endurance : 0 erreur": false, "endurance : 0 mise à jour perdue": true });
  }, 60_000);

  it("reports the pages that keep showing an old version after a save", async () => {
    const figures = await soak(true);
    expect(figures.edits.saved).toBeGreaterThan(0);
    expect(figures.edits.stale.length).toBeGreaterThan(0);
    expect(soakTargets(figures).find((t) => t.target.includes("page publique"))!.met).toBe(false);
  }, 60_000);
});
