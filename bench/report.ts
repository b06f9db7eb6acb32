import { FINDABILITY_CLASSES, FINDABILITY_TARGET_P95_MS, UNIFIED_CLASS, type FindabilityFigures } from "./findability";
import { formatGrowth, growthTarget, type GrowthPoint } from "./growth";
import type { HttpFigures } from "./http";
import { LIGHTHOUSE_TARGETS, type LighthouseFigures } from "./lighthouse";
import { table } from "./measure";
import { PLACE_LOOKUP_TARGET_P95_MS, PLACE_LOOKUPS } from "./place-lookup";
import type { BenchReport } from "./run";
import { QUERY_CLASSES } from "./workload";

/**
 * The targets of the performance issue, checked against a report and the growth curve. `met`
 * is undefined for a target this run could not measure.
 */
export function targets(report: BenchReport, growth?: GrowthPoint[]): { target: string; value: string; met: boolean | undefined }[] {
  // Repeated queries come from the service's caches: the targets are checked on the pass that
  // computes every call, when there is one.
  const [figures, label] = report.serviceCold ? [report.serviceCold, "sans cache"] : [report.service, "requêtes répétées"];
  const out: { target: string; value: string; met: boolean | undefined }[] = [
    { target: `service p95 ≤ 50 ms (toute la charge, ${label})`, value: `${figures.all.p95} ms`, met: figures.all.p95 <= 50 },
    { target: `service p50 ≤ 15 ms (${label})`, value: `${figures.all.p50} ms`, met: figures.all.p50 <= 15 },
  ];
  if (growth) out.push(growthTarget(growth));
  out.push(scopeTarget(report));
  if (report.placeLookup) {
    out.push({
      target: `lieux : p95 ≤ ${PLACE_LOOKUP_TARGET_P95_MS} ms (${PLACE_LOOKUPS.length} saisies)`,
      value: `${report.placeLookup.p95} ms`,
      met: report.placeLookup.p95 <= PLACE_LOOKUP_TARGET_P95_MS,
    });
  }
  if (report.findability) {
    const unified = report.findability[UNIFIED_CLASS].p95;
    out.push({
      target: `recherche unifiée (tous types) : p95 calculé ≤ ${FINDABILITY_TARGET_P95_MS} ms`,
      value: `${unified} ms`,
      met: unified <= FINDABILITY_TARGET_P95_MS,
    });
    const p95 = report.findability.all.p95;
    out.push({
      target: `trouvabilité : p95 ≤ ${FINDABILITY_TARGET_P95_MS} ms (recherche unifiée, enseignements par lieu)`,
      value: `${p95} ms`,
      met: p95 <= FINDABILITY_TARGET_P95_MS,
    });
  }
  if (report.ratioP95)
    out.push({
      target: `≥ 10× plus rapide que la référence naïve (p95, ${report.baseline!.queries} requêtes)`,
      value: `${report.ratioP95.all}×`,
      met: report.ratioP95.all! >= 10,
    });
  if (report.http) {
    for (const [figures, ratio, label] of [
      [report.http.search, report.http.rpsRatio, "URL répétées"],
      [report.http.searchCold, report.http.coldRpsRatio, "caches vidés"],
    ] as const) {
      out.push({
        target: `HTTP recherche p95 ≤ 250 ms (10 connexions, ${label})`,
        value: `${figures.latency.p95} ms`,
        met: figures.latency.p95 <= 250,
      });
      out.push({
        target: `HTTP recherche ≥ 40 % des req/s de la page statique (${label})`,
        value: `${Math.round(ratio * 100)} %`,
        met: ratio >= 0.4,
      });
    }
    out.push({
      target: "RSS du serveur Node < 400 Mo",
      value: `${report.http.rss.serverMaxMb} Mo`,
      met: report.http.rss.serverMaxMb < 400,
    });
  }
  for (const page of report.lighthouse ?? []) {
    out.push({
      target: `Lighthouse ${page.name} : performance ≥ ${LIGHTHOUSE_TARGETS.performance}`,
      value: String(page.performance),
      met: page.performance >= LIGHTHOUSE_TARGETS.performance,
    });
    out.push({
      target: `Lighthouse ${page.name} : accessibilité = ${LIGHTHOUSE_TARGETS.accessibility}`,
      value: String(page.accessibility),
      met: page.accessibility >= LIGHTHOUSE_TARGETS.accessibility,
    });
  }
  return out;
}

/**
 * The covering-places filter no slower than the inside one: the same places under each scope,
 * on computed calls timed in alternation (bench/run.ts, measureScopePair).
 */
function scopeTarget(report: BenchReport): { target: string; value: string; met: boolean | undefined } {
  const pair = report.scopePair;
  const target = `lieux couvrants : p95 calculé ≤ celui des lieux intérieurs (${pair ? `${pair.places} lieux, ${pair.rounds} tours alternés` : "mêmes lieux"})`;
  if (!pair) return { target, value: "non mesuré (aucun tour sans cache)", met: undefined };
  const ratio = Math.round((pair.covering.p95 / pair.inside.p95) * 100) / 100;
  return { target, value: `${pair.covering.p95} ms contre ${pair.inside.p95} ms (×${ratio})`, met: pair.covering.p95 <= pair.inside.p95 };
}

/** The findability paths (bench/findability.ts), one row per kind. */
export function formatFindability(figures: FindabilityFigures): string {
  return [
    "Trouvabilité (/recherche par type, /enseignements par lieu), ms :",
    table(
      ["classe", "n", "p50", "p95", "p99", "max"],
      [...FINDABILITY_CLASSES, "all" as const].map((key) => [
        key,
        figures[key].samples,
        figures[key].p50,
        figures[key].p95,
        figures[key].p99,
        figures[key].max,
      ]),
    ),
  ].join("\n");
}

/** Lighthouse per page (bench/lighthouse.ts): the median run's scores, LCP and bytes, then what fell short. */
export function formatLighthouse(pages: LighthouseFigures[]): string {
  return [
    "Lighthouse 12 (mobile, réglages par défaut : réseau et processeur simulés), passage médian :",
    table(
      ["page", "performance", "passages", "accessibilité", "LCP ms", "TBT ms", "octets", "indice CPU", "charge"],
      pages.map((page) => [
        `${page.name} ${page.path.length > 48 ? `${page.path.slice(0, 47)}…` : page.path}`,
        page.performance,
        page.runs.join(" "),
        page.accessibility,
        page.lcpMs,
        page.totalBlockingTimeMs,
        page.totalBytes,
        page.benchmarkIndex,
        page.loadAverage,
      ]),
    ),
    "Audits sous 0,9 (passage médian) :",
    ...pages.map((page) => `  ${page.name} : ${page.failing.join(", ") || "aucun"}`),
  ].join("\n");
}

function httpRow(page: string, figures: HttpFigures): (string | number)[] {
  return [page, figures.requestsPerSecond, figures.latency.p50, figures.latency.p95, figures.latency.p99, figures.non2xx, figures.errors];
}

/** The whole printed report; `growth`: the curve's points (bench/growth.ts), when read. */
export function formatReport(report: BenchReport, growth?: GrowthPoint[]): string {
  const parts: string[] = [];
  const generation = report.generation === "reused" ? "données réutilisées" : `générées en ${report.generation.seconds.toFixed(1)} s`;
  parts.push(`Repères — banc de performance, ${report.date.slice(0, 16).replace("T", " ")} UTC`);
  parts.push(
    `${report.rows} initiatives (${generation}), ${report.queries} requêtes ; ${report.machine.cpus} cœurs ${report.machine.cpuModel}, ${report.machine.memoryGb} Go, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres}`,
  );
  parts.push("");
  parts.push("Appel complet du service (page + total + toutes les facettes), ms :");
  parts.push(
    table(
      [
        "classe",
        "n",
        "p50",
        "p95",
        "p99",
        ...(report.serviceCold ? ["sans cache p50", "p95", "p99"] : []),
        ...(report.baseline ? ["n naïf", "même req. p95", "naïf p50", "naïf p95", "ratio p95"] : []),
      ],
      [...QUERY_CLASSES, "all" as const].map((key) => {
        const ours = report.service[key];
        const naive = report.baseline?.naive[key];
        const same = report.baseline?.service[key];
        const cold = report.serviceCold?.[key];
        return [
          key,
          ours.samples,
          ours.p50,
          ours.p95,
          ours.p99,
          ...(cold ? [cold.p50, cold.p95, cold.p99] : []),
          ...(naive && same ? [naive.samples, same.p95, naive.p50, naive.p95, `${report.ratioP95![key]}×`] : []),
        ];
      }),
    ),
  );
  if (report.scopePair) {
    const { inside, covering, places, rounds } = report.scopePair;
    parts.push("");
    parts.push(
      `Portée des lieux (${places} lieux, ${rounds} tours alternés sans cache), ms : intérieurs p50 ${inside.p50}, p95 ${inside.p95} ; couvrants p50 ${covering.p50}, p95 ${covering.p95}`,
    );
  }
  if (report.placeLookup) {
    const p = report.placeLookup;
    parts.push("");
    parts.push(
      `Recherche de lieux (${PLACE_LOOKUPS.length} saisies, ${p.samples} mesures), ms : p50 ${p.p50}, p95 ${p.p95}, p99 ${p.p99}, max ${p.max}`,
    );
  }
  if (report.findability) {
    parts.push("");
    parts.push(formatFindability(report.findability));
  }
  if (report.http) {
    const h = report.http;
    parts.push("");
    parts.push("HTTP (autocannon, 10 connexions), ms :");
    parts.push(
      table(
        ["page", "req/s", "p50", "p95", "p99", "non-2xx", "erreurs"],
        [
          httpRow("/initiatives (rotation, URL répétées)", h.search),
          httpRow("/initiatives (rotation, caches vidés)", h.searchCold),
          httpRow(`${h.static.path} (plafond)`, h.static),
        ],
      ),
    );
    parts.push(
      `recherche / statique : ${Math.round(h.rpsRatio * 100)} % des req/s (caches vidés : ${Math.round(h.coldRpsRatio * 100)} %) ; RSS max du serveur Node : ${h.rss.serverMaxMb} Mo (avec le processus next start : ${h.rss.treeMaxMb} Mo) ; tas du serveur : ${h.heapMb > 0 ? `${h.heapMb} Mo au plus` : "défaut de V8"}`,
    );
  }
  if (growth && growth.length > 0) {
    parts.push("");
    parts.push(formatGrowth(growth));
  }
  if (report.lighthouse) {
    parts.push("");
    parts.push(formatLighthouse(report.lighthouse));
  }
  parts.push("");
  parts.push("Objectifs :");
  for (const t of targets(report, growth)) parts.push(`  ${t.met === undefined ? " — " : t.met ? "OK " : "NON"}  ${t.target} : ${t.value}`);
  return parts.join("\n");
}
