/**
 * The PDF "fiche" of an initiative, generated on the server from its public record (the same
 * data as the page, the API and the exports), on A4 with the PDF standard fonts: nothing to
 * download or embed, and every character of French (é, œ, « », ’, –) is in their encoding.
 */
import PDFDocument from "pdfkit";
import type { InitiativeRecord } from "@/lib/api/schemas";
import { actorRoleLabels, evidenceLevelLabels, formatDate, formatPeriod, territoryKindLabels } from "@/lib/format/labels";
import { LICENCE, SITE_NAME } from "./site";
import { VOCABULARIES } from "@/lib/vocabularies/registry";

/** Characters of the standard fonts' WinAnsi encoding beyond Latin-1 (pdfkit's map). */
const WIN_ANSI_EXTRA = new Set([
  0x192, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x20ac, 0x2030, 0x2039, 0x203a,
  0x2c6, 0x2122, 0x152, 0x153, 0x2dc, 0x160, 0x161, 0x178, 0x17d, 0x17e,
]);

/** Text the standard fonts can show: French spaces made plain, other letters without their marks. */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text
    .normalize("NFC")
    .replace(/[\u202f\u2009]/g, "\u00a0")
    .replace(/[\u2010\u2011\u2212]/g, "-")) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(code)) out += char;
    else if (code === 0x09) out += " ";
    else {
      const base = char.normalize("NFD").replace(/\p{M}/gu, "");
      out += base !== char && /^[\x20-\x7e]+$/.test(base) ? base : "?";
    }
  }
  return out;
}

/** Markdown as plain paragraphs: markers of emphasis and links dropped, the link targets kept. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)")
    .replace(/[*_`]+/g, "")
    .replace(/^#+\s*/gm, "")
    .replace(/^\s*[-*]\s+/gm, "• ");
}

/** An A4 document with the standard fonts, and the promise of its bytes once `doc.end()` is called. */
export function pdfDocument(info: { title: string; subject: string; compress?: boolean }): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    compress: info.compress ?? true,
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: toWinAnsi(info.title), Author: SITE_NAME, Subject: toWinAnsi(info.subject) },
    lang: "fr-FR",
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}

/** The typographic pieces of a fiche: every sheet of the site's PDFs is written with these. */
export function sheetWriter(doc: PDFKit.PDFDocument) {
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(toWinAnsi(value), options);
  const heading = (title: string) => {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12);
    text(title);
    doc.moveDown(0.2).font("Helvetica").fontSize(10);
  };
  const field = (label: string, value: string | null | undefined) => {
    if (!value) return;
    doc.font("Helvetica-Bold").fontSize(10);
    text(`${label} : `, { continued: true });
    doc.font("Helvetica");
    text(value);
  };
  const section = (title: string, body: string) => {
    if (!body.trim()) return;
    heading(title);
    text(plain(body), { align: "left" });
  };
  /** Small grey line above the title, the title, and the lead paragraph. */
  const masthead = (kicker: string, title: string, lead: string) => {
    doc.font("Helvetica").fontSize(9).fillColor("#555555");
    text(kicker);
    doc.moveDown(0.5).fillColor("#000000").font("Helvetica-Bold").fontSize(18);
    text(title);
    doc.moveDown(0.4).font("Helvetica").fontSize(11);
    if (lead) text(lead);
    doc.moveDown(0.6).fontSize(10);
  };
  const footnote = (value: string) => {
    doc.moveDown(1.2).fontSize(8).fillColor("#555555");
    text(value);
    doc.fillColor("#000000").fontSize(10);
  };
  return { text, heading, field, section, masthead, footnote };
}

/** The sheet of one initiative, from where the cursor is: the whole fiche, or one entry of a dossier. */
export function writeInitiativeSheet(doc: PDFKit.PDFDocument, record: InitiativeRecord) {
  const { text, heading, field, section, masthead, footnote } = sheetWriter(doc);
  masthead(`${SITE_NAME} – fiche initiative`, record.title, record.summary);

  field("Période", formatPeriod(record));
  field("Territoires", record.territories.map((t) => `${t.name} (${territoryKindLabels[t.kind].toLowerCase()})`).join(", "));
  field("Acteurs", record.actors.map((a) => `${a.name} (${actorRoleLabels[a.role].toLowerCase()})`).join(", "));
  for (const v of VOCABULARIES) field(v.plural, record[v.apiKey].map((t) => t.label).join(", "));
  field("Site web", record.website);

  section("Description", record.description);
  section("Objectifs", record.objectives);
  section("Moyens", record.means);
  section("Financement", record.funding);
  section("Résultats", record.results);

  if (record.lessons.length) {
    heading("Enseignements");
    for (const lesson of record.lessons)
      text(`• ${lesson.title} (${evidenceLevelLabels[lesson.evidenceLevel].toLowerCase()}) – ${lesson.url}`);
  }
  if (record.sources.length) {
    heading("Sources");
    for (const source of record.sources) text(`• ${source.title}${source.url ? ` – ${source.url}` : ""}`);
  }
  if (record.contact) {
    heading("Contact");
    text([record.contact.name, record.contact.role, record.contact.email, record.contact.phone].filter(Boolean).join(" – "));
  }

  const verified = record.lastVerifiedAt ? `, informations vérifiées le ${formatDate(new Date(record.lastVerifiedAt))}` : "";
  footnote(`Fiche en ligne : ${record.url}${verified}. Données publiées sous ${LICENCE.shortName} (${LICENCE.url}).`);
}

export function renderFiche(record: InitiativeRecord, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, done } = pdfDocument({ title: record.title, subject: record.summary, compress: options.compress });
  writeInitiativeSheet(doc, record);
  doc.end();
  return done;
}
