import { existsSync } from "node:fs";
import os from "node:os";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import pg from "pg";
import { emptyQuery, toSearchParams } from "@/lib/search/query";
import { PLACES } from "./workload";

/** Debian's Chromium, as the browser tests use (playwright.config.ts): nothing is downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** No traffic but the page's own: no updates, sync, field trials or first-run pages. */
const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The targets of the performance issue, per page (Lighthouse's scores are out of 100 here). */
export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100 } as const;

export interface LighthousePage {
  name: string;
  path: string;
}

export interface LighthouseFigures {
  name: string;
  path: string;
  /** Scores out of 100 of the median run (by performance score). */
  performance: number;
  accessibility: number;
  /** Largest Contentful Paint, simulated (mobile, slow 4G, 4× CPU slowdown), ms. */
  lcpMs: number;
  totalBlockingTimeMs: number;
  /** Every byte the page loaded (transfer sizes, compressed when served compressed). */
  totalBytes: number;
  /** Every run's performance score, in order: the spread tells how steady the figure is. */
  runs: number[];
  /**
   * Lighthouse's CPU benchmark of the median run, and the one-minute load average after the
   * page's runs: the simulation multiplies the main thread's observed tasks by 4, so a busy
   * machine lowers the performance score (blocking time above all).
   */
  benchmarkIndex: number;
  loadAverage: number;
  /** Audits scored below 0.9 in the median run (ids), where to look first. */
  failing: string[];
}

/**
 * The four pages of the issue: home, a filtered list (a word, a commune, an approach, as a
 * practitioner would ask), one published initiative of the benchmark data, the map.
 */
export async function lighthousePages(databaseUrl: string): Promise<LighthousePage[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let slug: string;
  try {
    const { rows } = await client.query<{ slug: string }>(
      `SELECT slug FROM "Initiative" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL ORDER BY id LIMIT 1`,
    );
    if (!rows[0]) throw new Error("Aucune initiative publiée dans la base du banc.");
    slug = rows[0].slug;
  } finally {
    await client.end();
  }
  const filtered = toSearchParams({ ...emptyQuery, q: "emploi", territoire: [PLACES.roubaix], approche: ["mediation"] });
  return [
    { name: "accueil", path: "/" },
    { name: "liste filtrée", path: `/initiatives?${filtered.toString()}` },
    { name: "initiative", path: `/initiatives/${encodeURIComponent(slug)}` },
    { name: "carte", path: "/carte" },
  ];
}

/** Failed runs tolerated per page before the measure gives up. */
const MAX_FAILED_RUNS = 2;

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);

/**
 * Lighthouse's default configuration (mobile, simulated throttling) on each page, `runs` times
 * in one Chromium; the run of median performance score is kept. The server's own first answer
 * to a page (its caches cold) is taken by a fetch before, as a visitor after the first would.
 */
export async function measureLighthouse(
  baseUrl: string,
  pages: LighthousePage[],
  options: { runs: number; log: (line: string) => void },
): Promise<LighthouseFigures[]> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium est introuvable (${CHROMIUM}) : bash scripts/ensure-chromium.sh, ou --skip-lighthouse.`);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: "silent" });
  try {
    const out: LighthouseFigures[] = [];
    for (const page of pages) {
      const url = baseUrl + page.path;
      const warm = await fetch(url);
      if (!warm.ok) throw new Error(`${page.path} répond ${warm.status}.`);
      await warm.arrayBuffer();
      const runs = [];
      let failures = 0;
      while (runs.length < options.runs) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
        });
        if (!result) throw new Error(`Lighthouse n'a rien rendu pour ${page.path}.`);
        const { lhr } = result;
        if (lhr.runtimeError) {
          // Lighthouse asks for another run when it could not read the trace (NO_NAVSTART…).
          const message = `Lighthouse sur ${page.path} : ${lhr.runtimeError.code} ${lhr.runtimeError.message}`;
          if (++failures > MAX_FAILED_RUNS) throw new Error(message);
          options.log(`  ${message} ; nouvel essai`);
          continue;
        }
        runs.push(lhr);
      }
      const ordered = [...runs].sort((a, b) => (a.categories.performance!.score ?? 0) - (b.categories.performance!.score ?? 0));
      const lhr = ordered[Math.floor(ordered.length / 2)]!;
      const figures: LighthouseFigures = {
        ...page,
        performance: score(lhr.categories.performance!.score),
        accessibility: score(lhr.categories.accessibility!.score),
        lcpMs: Math.round(lhr.audits["largest-contentful-paint"]!.numericValue ?? 0),
        totalBlockingTimeMs: Math.round(lhr.audits["total-blocking-time"]!.numericValue ?? 0),
        totalBytes: Math.round(lhr.audits["total-byte-weight"]!.numericValue ?? 0),
        runs: runs.map((r) => score(r.categories.performance!.score)),
        benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
        loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
        failing: Object.values(lhr.audits)
          .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative")
          .map((audit) => audit.id),
      };
      options.log(
        `  ${page.name} : performance ${figures.performance} (${figures.runs.join(", ")}), accessibilité ${figures.accessibility}, LCP ${figures.lcpMs} ms`,
      );
      out.push(figures);
    }
    return out;
  } finally {
    chrome.kill();
  }
}
