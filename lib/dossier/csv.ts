/**
 * The dossier as CSV: the columns of the initiatives' export (lib/opendata/exports.ts), filled for
 * lessons where they apply, with the entry's position, kind, evidence level and note around them.
 */
import { evidenceLevelLabels } from "@/lib/format/labels";
import { type CsvCell, csvColumns, csvText } from "@/lib/opendata/exports";
import type { DossierItem, LessonSheet } from "./read";

const lessonCells: Record<string, (sheet: LessonSheet) => CsvCell> = {
  slug: (s) => s.slug,
  title: (s) => s.title,
  url: (s) => s.url,
  description: (s) => s.body,
  "sources[].title": (s) => (s.source ? (s.source.url ? `${s.source.title} <${s.source.url}>` : s.source.title) : null),
  publishedAt: (s) => s.publishedAt,
  updatedAt: (s) => s.updatedAt,
};

const headers = ["Position", "Type", ...csvColumns.map((column) => column.header), "Niveau de preuve", "Note"];

function row(item: DossierItem, position: number): CsvCell[] {
  const kind = item.kind === "initiative" ? "initiative" : "enseignement";
  const cells = (): CsvCell[] => {
    if (item.kind === "initiative" && item.record) {
      const record = item.record;
      return [...csvColumns.map((column) => column.value(record)), null];
    }
    if (item.kind === "lesson" && item.record) {
      const sheet = item.record;
      return [...csvColumns.map((column) => lessonCells[column.field]?.(sheet) ?? null), evidenceLevelLabels[sheet.evidenceLevel]];
    }
    return [
      ...csvColumns.map((column) => (column.field === "slug" ? item.slug : column.field === "title" ? "Fiche indisponible" : null)),
      null,
    ];
  };
  return [position, kind, ...cells(), item.note || null];
}

export function dossierCsv(items: DossierItem[]): string {
  return csvText(
    headers,
    items.map((item, index) => row(item, index + 1)),
  );
}
