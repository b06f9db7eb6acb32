/**
 * Exports of any selection of /initiatives, as CSV (for spreadsheets: UTF-8 with BOM, `;`,
 * one row per initiative, related values joined) and JSON (the API's Initiative records).
 * Same parameters and same rows as the page; streamed batch by batch from a cursor.
 */
import { stringify } from "csv-stringify/sync";
import type { Database } from "@/lib/db/connect";
import type { InitiativeRecord } from "@/lib/api/schemas";
import { actorKindLabels, evidenceLevelLabels } from "@/lib/format/labels";
import { type SearchQuery, toSearchParams, withQuery } from "@/lib/search/query";
import { interpretQuery } from "@/lib/search/service";
import { readInBatches } from "./cursor";
import { completeRecord, matchingRecordsSql, pageTextQuery } from "./initiative-records";
import { absoluteUrl, LICENCE, PUBLISHER, SITE_NAME } from "./site";
import { VOCABULARIES } from "@/lib/vocabularies/registry";

const JOIN = " | ";
const yesNo = (value: boolean) => (value ? "oui" : "non");
const joined = <T>(items: T[], show: (item: T) => string) => items.map(show).join(JOIN);
const actorsWithRole = (record: InitiativeRecord, role: "LEAD" | "PARTNER" | "FUNDER") =>
  joined(
    record.actors.filter((actor) => actor.role === role),
    (actor) => actor.name,
  );

/** CSV columns: French headers for spreadsheet users; `field` names the JSON/API field it comes from. */
type Column = { header: string; field: string; value: (record: InitiativeRecord) => CsvCell };
export const csvColumns: Column[] = [
  { header: "Identifiant", field: "slug", value: (r) => r.slug },
  { header: "Titre", field: "title", value: (r) => r.title },
  { header: "Adresse de la fiche", field: "url", value: (r) => r.url },
  { header: "Résumé", field: "summary", value: (r) => r.summary },
  { header: "Description", field: "description", value: (r) => r.description },
  { header: "Objectifs", field: "objectives", value: (r) => r.objectives },
  { header: "Moyens", field: "means", value: (r) => r.means },
  { header: "Financement", field: "funding", value: (r) => r.funding },
  { header: "Résultats", field: "results", value: (r) => r.results },
  { header: "Site web", field: "website", value: (r) => r.website },
  { header: "Année de début", field: "startYear", value: (r) => r.startYear },
  { header: "Année de fin", field: "endYear", value: (r) => r.endYear },
  { header: "En cours", field: "ongoing", value: (r) => yesNo(r.ongoing) },
  { header: "Territoires", field: "territories[].name", value: (r) => joined(r.territories, (t) => t.name) },
  { header: "Codes des territoires", field: "territories[].code", value: (r) => joined(r.territories, (t) => t.code) },
  ...VOCABULARIES.map((v): Column => ({
    header: v.plural,
    field: `${v.apiKey}[].label`,
    value: (r) => joined(r[v.apiKey], (t) => t.label),
  })),
  { header: "Porteurs", field: "actors[role=LEAD].name", value: (r) => actorsWithRole(r, "LEAD") },
  { header: "Partenaires", field: "actors[role=PARTNER].name", value: (r) => actorsWithRole(r, "PARTNER") },
  { header: "Financeurs", field: "actors[role=FUNDER].name", value: (r) => actorsWithRole(r, "FUNDER") },
  {
    header: "Types d'acteurs",
    field: "actors[].kind",
    value: (r) => [...new Set(r.actors.map((a) => actorKindLabels[a.kind]))].join(JOIN),
  },
  {
    header: "Enseignements",
    field: "lessons[].title",
    value: (r) => joined(r.lessons, (l) => `${l.title} (${evidenceLevelLabels[l.evidenceLevel]})`),
  },
  { header: "Sources", field: "sources[].title", value: (r) => joined(r.sources, (s) => (s.url ? `${s.title} <${s.url}>` : s.title)) },
  { header: "Contact : nom", field: "contact.name", value: (r) => r.contact?.name ?? null },
  { header: "Contact : fonction", field: "contact.role", value: (r) => r.contact?.role ?? null },
  { header: "Contact : courriel", field: "contact.email", value: (r) => r.contact?.email ?? null },
  { header: "Contact : téléphone", field: "contact.phone", value: (r) => r.contact?.phone ?? null },
  { header: "Publiée le", field: "publishedAt", value: (r) => r.publishedAt },
  { header: "Vérifiée le", field: "lastVerifiedAt", value: (r) => r.lastVerifiedAt },
  { header: "Modifiée le", field: "updatedAt", value: (r) => r.updatedAt },
];

export type CsvCell = string | number | null;

/** Rows for a spreadsheet: `;`, CRLF, formulas neutralised; the header line and the BOM come with the first batch. */
export function csvText(headers: string[], rows: CsvCell[][], first = true): string {
  return stringify(
    rows.map((row) => Object.fromEntries(row.map((cell, index) => [String(index), cell]))),
    {
      delimiter: ";",
      record_delimiter: "windows",
      // A cell starting with = + - @ would run as a formula in a spreadsheet: prefixed with '.
      escape_formulas: true,
      columns: headers.map((header, index) => ({ key: String(index), header })),
      header: first,
      bom: first,
    },
  );
}

function csvLines(records: InitiativeRecord[], first: boolean): string {
  return csvText(
    csvColumns.map((column) => column.header),
    records.map((record) => csvColumns.map((column) => column.value(record))),
    first,
  );
}

async function* records(db: Database, typed: SearchQuery): AsyncGenerator<InitiativeRecord[]> {
  const { query } = await interpretQuery(db, typed);
  const text = await pageTextQuery(db, query);
  for await (const batch of readInBatches<{ record: Parameters<typeof completeRecord>[0] }>(matchingRecordsSql(query, text))) {
    yield batch.map((row) => completeRecord(row.record));
  }
}

async function* csvChunks(db: Database, query: SearchQuery): AsyncGenerator<string> {
  let first = true;
  for await (const batch of records(db, query)) {
    yield csvLines(batch, first);
    first = false;
  }
  if (first) yield csvLines([], true);
}

/** Metadata written before the items of a JSON export (and the licence the CSV's Link header names). */
export function exportMetadata(query: SearchQuery) {
  return {
    title: `${SITE_NAME} – initiatives`,
    publisher: PUBLISHER,
    licence: { name: LICENCE.name, url: LICENCE.url },
    source: absoluteUrl(withQuery("/initiatives", toSearchParams({ ...query, page: 1 }))),
    generatedAt: new Date().toISOString(),
  };
}

async function* jsonChunks(db: Database, query: SearchQuery): AsyncGenerator<string> {
  yield `{"metadata":${JSON.stringify(exportMetadata(query))},"initiatives":[`;
  let count = 0;
  for await (const batch of records(db, query)) {
    yield batch.map((record) => `${count++ === 0 ? "\n" : ",\n"}${JSON.stringify(record)}`).join("");
  }
  yield `\n],"count":${count}}\n`;
}

/** A byte stream pulled chunk by chunk: nothing is read from the database before the client asks. */
function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export function initiativesCsv(db: Database, query: SearchQuery): ReadableStream<Uint8Array> {
  return byteStream(csvChunks(db, query));
}

export function initiativesJson(db: Database, query: SearchQuery): ReadableStream<Uint8Array> {
  return byteStream(jsonChunks(db, query));
}

export function exportFileName(extension: "csv" | "json", now = new Date()): string {
  return `reperes-initiatives-${now.toISOString().slice(0, 10)}.${extension}`;
}
