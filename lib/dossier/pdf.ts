/**
 * The dossier as one PDF, to annex to a contrat de ville or a steering committee note: a cover,
 * the contents (each line a link to its sheet), one sheet per entry with the reader's note under
 * it, and the sources of all entries. Initiative sheets are the fiche's own (lib/opendata/fiche-pdf.ts).
 */
import { evidenceLevelLabels, formatDate, formatSourceDate } from "@/lib/format/labels";
import { pdfDocument, sheetWriter, writeInitiativeSheet } from "@/lib/opendata/fiche-pdf";
import { LICENCE, SITE_NAME } from "@/lib/opendata/site";
import type { DossierItem, LessonSheet } from "./read";
import { entryKey } from "./keys";

export const DOSSIER_TITLE = `Dossier ${SITE_NAME}`;

const kindLabel = { initiative: "Initiative", lesson: "Enseignement" } as const;
const anchor = (item: DossierItem) => `fiche-${entryKey(item)}`;
const entryCount = (n: number) => (n === 1 ? "1 fiche" : `${n} fiches`);

function writeLessonSheet(doc: PDFKit.PDFDocument, sheet: LessonSheet) {
  const { text, heading, field, section, masthead, footnote } = sheetWriter(doc);
  masthead(`${SITE_NAME} – enseignement`, sheet.title, "");
  field("Niveau de preuve", evidenceLevelLabels[sheet.evidenceLevel]);
  if (sheet.source) field("Source", sourceLine(sheet.source));
  section("Enseignement", sheet.body);
  if (sheet.initiatives.length) {
    heading("Initiatives concernées");
    for (const initiative of sheet.initiatives) text(`• ${initiative.title} – ${initiative.url}`);
  }
  footnote(`Fiche en ligne : ${sheet.url}. Données publiées sous ${LICENCE.shortName} (${LICENCE.url}).`);
}

function sourceLine(source: { title: string; url: string | null; date?: Date | string | null; kind?: "EVENT" | "DOCUMENT" }): string {
  const date = source.date && source.kind ? `, ${formatSourceDate(new Date(source.date), source.kind)}` : "";
  return `${source.title}${date}${source.url ? ` – ${source.url}` : ""}`;
}

/** Every source cited by the entries, once, with the entries (by number) that cite it. */
function dossierSources(items: DossierItem[]): { line: string; citedBy: number[] }[] {
  const sources = new Map<string, { line: string; citedBy: number[] }>();
  const cite = (line: string, position: number) => {
    const known = sources.get(line) ?? { line, citedBy: [] };
    if (!known.citedBy.includes(position)) known.citedBy.push(position);
    sources.set(line, known);
  };
  items.forEach((item, index) => {
    if (item.kind === "initiative") for (const source of item.record?.sources ?? []) cite(sourceLine(source), index + 1);
    else if (item.record?.source) cite(sourceLine(item.record.source), index + 1);
  });
  return [...sources.values()];
}

export function renderDossier(items: DossierItem[], options: { compress?: boolean; now?: Date } = {}): Promise<Buffer> {
  const now = options.now ?? new Date();
  const { doc, done } = pdfDocument({
    title: DOSSIER_TITLE,
    subject: `${entryCount(items.length)}, ${formatDate(now)}`,
    compress: options.compress,
  });
  const { text, heading, footnote } = sheetWriter(doc);

  doc.moveDown(8).font("Helvetica-Bold").fontSize(28);
  text(DOSSIER_TITLE, { align: "center" });
  doc.moveDown(1).font("Helvetica").fontSize(14);
  text(`${formatDate(now)} – ${entryCount(items.length)}`, { align: "center" });
  doc.moveDown(0.5).fontSize(11);
  text("Initiatives et enseignements réunis depuis la base de connaissances de l'IREV.", { align: "center" });

  doc.addPage();
  doc.font("Helvetica-Bold").fontSize(18);
  text("Sommaire");
  doc.moveDown(0.6).font("Helvetica").fontSize(11);
  items.forEach((item, index) => {
    const line = `${index + 1}. ${item.record ? `${item.record.title} (${kindLabel[item.kind].toLowerCase()})` : `Fiche indisponible (${entryKey(item)})`}`;
    text(line, item.record ? { goTo: anchor(item) } : {});
    doc.moveDown(0.2);
  });
  if (!items.length) text("Ce dossier est vide.");

  items.forEach((item) => {
    if (!item.record) return;
    doc.addPage();
    doc.addNamedDestination(anchor(item));
    if (item.kind === "initiative") writeInitiativeSheet(doc, item.record);
    else writeLessonSheet(doc, item.record);
    if (item.note) {
      heading("Note");
      text(item.note);
    }
  });

  const sources = dossierSources(items);
  if (sources.length) {
    doc.addPage();
    doc.font("Helvetica-Bold").fontSize(18);
    text("Sources");
    doc.moveDown(0.6).font("Helvetica").fontSize(10);
    for (const source of sources) text(`• ${source.line} (fiche${source.citedBy.length > 1 ? "s" : ""} ${source.citedBy.join(", ")})`);
  }
  footnote(`${DOSSIER_TITLE}, ${formatDate(now)}. Données publiées sous ${LICENCE.shortName} (${LICENCE.url}).`);
  doc.end();
  return done;
}
