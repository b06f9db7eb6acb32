import { inflateSync } from "node:zlib";

// WinAnsi codes of the standard fonts that differ from Latin-1 (the ones the site writes).
const WIN_ANSI: Record<number, string> = {
  0x80: "€",
  0x85: "…",
  0x8c: "Œ",
  0x91: "‘",
  0x92: "’",
  0x93: "“",
  0x94: "”",
  0x95: "•",
  0x96: "–",
  0x97: "—",
  0x9c: "œ",
};

const decode = (hex: string) =>
  (hex.match(/../g) ?? []).map((pair) => {
    const code = parseInt(pair, 16);
    return WIN_ANSI[code] ?? String.fromCharCode(code);
  });

/**
 * The text of a PDF written by pdfkit with the standard fonts, one line per text run: page
 * streams inflated, `[<hex> kerning <hex>] TJ` runs joined. Enough to check what a reader sees.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const bytes = pdf.subarray(start, raw.indexOf("endstream", start));
    let content: string;
    try {
      content = inflateSync(bytes).toString("latin1");
    } catch {
      content = bytes.toString("latin1");
    }
    for (const run of content.matchAll(/\[([^\]]*)\]\s*TJ/g))
      lines.push([...run[1]!.matchAll(/<([0-9a-f]*)>/g)].flatMap((hex) => decode(hex[1]!)).join(""));
  }
  return lines.join("\n");
}
