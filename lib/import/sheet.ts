/**
 * Reads an uploaded spreadsheet (CSV or XLSX) into text cells: the first line's headers and the
 * data lines, each with the number the spreadsheet shows for it. Every refusal is a French
 * message (SheetError); nothing here touches the database.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** Largest file accepted: SHEET_MAX_LINES lines of a few paragraphs each. Next's server-action limit follows it (next.config.js). */
export const SHEET_MAX_BYTES = 2 * 1024 * 1024;
export const SHEET_TOO_LARGE = `Le fichier dépasse ${SHEET_MAX_BYTES / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.`;
/** What an XLSX may unpack to (its parts, as its ZIP directory declares them): a guard against ZIP bombs. */
const XLSX_MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
export const SHEET_MAX_LINES = 2000;
export const SHEET_MAX_COLUMNS = 60;

export class SheetError extends Error {}

export interface SheetLine {
  /** The line's number in the spreadsheet (the headers are line 1). */
  line: number;
  cells: string[];
}

export interface Sheet {
  headers: string[];
  lines: SheetLine[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

export async function readSheet(fileName: string, bytes: Uint8Array): Promise<Sheet> {
  if (bytes.byteLength === 0) throw new SheetError("Le fichier est vide.");
  if (bytes.byteLength > SHEET_MAX_BYTES) throw new SheetError(SHEET_TOO_LARGE);
  if (startsWith(bytes, OLE_MAGIC))
    throw new SheetError("Les anciens fichiers Excel (.xls) ne sont pas lus : enregistrez-le au format .xlsx ou .csv.");
  if (startsWith(bytes, ZIP_MAGIC)) return sheetOf(await xlsxRows(bytes));
  if (/\.(xlsx|xls|ods|numbers)$/i.test(fileName))
    throw new SheetError("Ce fichier n'est pas un classeur .xlsx lisible : enregistrez-le au format .xlsx ou .csv.");
  return sheetOf(csvRows(decodeText(bytes)));
}

/** UTF-8 (with or without BOM), else Windows-1252, what Excel writes for « CSV (séparateur : point-virgule) ». */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The separator of the header line: the most frequent of ; , and tab outside quotes (comma when none). */
function delimiterOf(text: string): string {
  const counts = new Map([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [",", 0])[0];
}

function csvRows(text: string): string[][] {
  try {
    // Empty lines are kept, so that a record's index is the line number a spreadsheet shows.
    return parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      to_line: SHEET_MAX_LINES + 2,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new SheetError(
      `Le fichier CSV est mal formé${line ? ` vers la ligne ${line}` : ""} (un guillemet non fermé ?) : enregistrez-le à nouveau depuis le tableur.`,
    );
  }
}

/**
 * The sizes an XLSX's ZIP directory declares for its parts, added up, read before anything is
 * unpacked: exceljs unpacks a whole workbook in memory.
 */
function declaredUnpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: its signature within the last 64 kB (its comment).
  let end = -1;
  for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - 65_557); offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new SheetError("Ce classeur .xlsx est endommagé : enregistrez-le à nouveau depuis le tableur.");
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50)
      throw new SheetError("Ce classeur .xlsx est endommagé : enregistrez-le à nouveau depuis le tableur.");
    total += view.getUint32(offset + 24, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  if (declaredUnpackedSize(bytes) > XLSX_MAX_UNPACKED_BYTES)
    throw new SheetError("Ce classeur est trop volumineux une fois décompressé : découpez-le en plusieurs fichiers.");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new SheetError("Ce classeur .xlsx n'a pas pu être lu : enregistrez-le à nouveau depuis le tableur, ou au format .csv.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError("Ce classeur n'a aucune feuille.");
  const rows: string[][] = [];
  // Row numbers are the spreadsheet's: empty rows in between stay as empty lines.
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > SHEET_MAX_LINES + 2) return;
    while (rows.length < number - 1) rows.push([]);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (cell) => cell ?? ""));
  });
  return rows;
}

/** A cell as text: dates as yyyy-mm-dd, formulas by their result, rich text and links by their text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as ExcelJS.CellValue);
  return "";
}

/** Control characters other than tab and line breaks: PostgreSQL refuses NUL in text and JSON, and none is text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Headers named and unique (an empty one is « Colonne N », a repeated one gets « (2) »); blank lines dropped. */
function sheetOf(raw: string[][]): Sheet {
  const rows = raw.map((row) => row.map((cell) => cell.replace(CONTROL, "")));
  const [headerRow = [], ...data] = rows;
  const width = Math.max(headerRow.length, ...data.map((row) => row.length));
  if (!headerRow.some((cell) => cell.trim()))
    throw new SheetError("La première ligne doit donner le nom de chaque colonne (elle est vide).");
  if (width > SHEET_MAX_COLUMNS) throw new SheetError(`Le fichier a plus de ${SHEET_MAX_COLUMNS} colonnes.`);
  const seen = new Map<string, number>();
  const headers = Array.from({ length: width }, (_, index) => {
    const name = headerRow[index]?.replace(/\s+/g, " ").trim() || `Colonne ${index + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
  const lines = data
    .map((row, index) => ({ line: index + 2, cells: headers.map((_, column) => (row[column] ?? "").trim()) }))
    .filter((line) => line.cells.some((cell) => cell !== ""));
  if (lines.length === 0) throw new SheetError("Le fichier ne contient aucune ligne de données sous la ligne des titres.");
  if (data.length > SHEET_MAX_LINES)
    throw new SheetError(`Le fichier a plus de ${SHEET_MAX_LINES} lignes : découpez-le en plusieurs fichiers.`);
  return { headers, lines };
}
