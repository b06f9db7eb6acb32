import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSheet, SheetError, SHEET_MAX_BYTES, SHEET_MAX_LINES, SHEET_TOO_LARGE } from "@/lib/import/sheet";

// Reading an uploaded spreadsheet into text cells (lib/import/sheet.ts), as staff's tools write them.
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("CSV", () => {
  it("reads semicolon-separated UTF-8 with a BOM and CRLF, quoted separators and line breaks kept", async () => {
    const sheet = await readSheet("suivi.csv", utf8('\uFEFFRéf;Intitulé;Lieux\r\n1;"Théâtre; forum";"Roubaix\nTourcoing"\r\n'));
    expect(sheet).toEqual({
      headers: ["Réf", "Intitulé", "Lieux"],
      lines: [{ line: 2, cells: ["1", "Théâtre; forum", "Roubaix\nTourcoing"] }],
    });
  });

  it("reads comma-separated files, and numbers lines as the spreadsheet does across blank lines", async () => {
    const sheet = await readSheet("suivi.csv", utf8('Réf,Intitulé\n1,"Un, deux"\n\n3,Trois\n'));
    expect(sheet.lines).toEqual([
      { line: 2, cells: ["1", "Un, deux"] },
      { line: 4, cells: ["3", "Trois"] },
    ]);
  });

  it("reads Windows-1252, what Excel's « CSV (séparateur : point-virgule) » writes", async () => {
    // « Réf;Intitulé » / « 1;Écoute » in Windows-1252.
    const bytes = Uint8Array.from([
      0x52, 0xe9, 0x66, 0x3b, 0x49, 0x6e, 0x74, 0x69, 0x74, 0x75, 0x6c, 0xe9, 0x0a, 0x31, 0x3b, 0xc9, 0x63, 0x6f, 0x75, 0x74, 0x65,
    ]);
    expect(await readSheet("suivi.csv", bytes)).toEqual({ headers: ["Réf", "Intitulé"], lines: [{ line: 2, cells: ["1", "Écoute"] }] });
  });

  it("drops control characters, which PostgreSQL refuses (NUL) and no one types", async () => {
    expect((await readSheet("a.csv", utf8("Réf;Titre\n1;Un\u0000 titre\u0007\n"))).lines[0]!.cells).toEqual(["1", "Un titre"]);
  });

  it("names empty headers and tells repeated ones apart", async () => {
    expect((await readSheet("a.csv", utf8("Thème;;Thème\nA;B;C\n"))).headers).toEqual(["Thème", "Colonne 2", "Thème (2)"]);
  });

  it("refuses, in French, a broken quote, an empty file, a file without data and one too long", async () => {
    await expect(readSheet("a.csv", utf8('Réf;Titre\n1;"sans fin\n'))).rejects.toThrow(/mal formé vers la ligne/);
    await expect(readSheet("a.csv", new Uint8Array())).rejects.toThrow("Le fichier est vide.");
    await expect(readSheet("a.csv", utf8("Réf;Titre\n"))).rejects.toThrow(/aucune ligne de données/);
    const long = `Réf\n${Array.from({ length: SHEET_MAX_LINES + 1 }, (_, i) => i).join("\n")}\n`;
    await expect(readSheet("a.csv", utf8(long))).rejects.toThrow(/plus de 2000 lignes/);
    await expect(readSheet("a.csv", new Uint8Array(SHEET_MAX_BYTES + 1).fill(0x61))).rejects.toThrow(SHEET_TOO_LARGE);
  });
});

describe("XLSX", () => {
  it("reads the first sheet: dates as yyyy-mm-dd, formulas by their result, rich text and links by their text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Actions");
    sheet.addRow(["Réf", "Début", "Total", "Titre", "Site"]);
    sheet.addRow([
      7,
      new Date(Date.UTC(2021, 8, 1)),
      { formula: "1+1", result: 2 },
      { richText: [{ text: "Théâtre " }, { font: { bold: true }, text: "forum" }] },
      { text: "le site", hyperlink: "https://exemple.fr" },
    ]);
    sheet.addRow([]);
    sheet.addRow([8, "", "", "Suite"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readSheet("suivi.xlsx", bytes)).toEqual({
      headers: ["Réf", "Début", "Total", "Titre", "Site"],
      lines: [
        { line: 2, cells: ["7", "2021-09-01", "2", "Théâtre forum", "le site"] },
        { line: 4, cells: ["8", "", "", "Suite", ""] },
      ],
    });
  });

  it("refuses an old .xls and a damaged workbook with a French message", async () => {
    await expect(readSheet("vieux.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow(/anciens fichiers Excel/);
    await expect(readSheet("casse.xlsx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toBeInstanceOf(SheetError);
  });
});
