/** What an uploaded file really is, decided from its first bytes (the name only picks among look-alikes). */
export interface SniffedType {
  mime: string;
  extension: string;
  /** Shown inline (PDF, images); everything else is downloaded. */
  inline: boolean;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString("latin1");

const OOXML: Record<string, { mime: string; marker: string }> = {
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", marker: "word/" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", marker: "xl/" },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", marker: "ppt/" },
};
const ODF: Record<string, string> = {
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
};
const OLE: Record<string, string> = { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" };

export const ACCEPTED_EXTENSIONS = [
  "pdf",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
  ...Object.keys(OOXML),
  ...Object.keys(ODF),
  ...Object.keys(OLE),
];

/** Null when the content is not one of the accepted types, or does not match the file name's kind. */
export function sniffFileType(bytes: Uint8Array, fileName: string): SniffedType | null {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: "application/pdf", extension: "pdf", inline: true };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", extension: "png", inline: true };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", extension: "jpg", inline: true };
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return { mime: "image/gif", extension: "gif", inline: true };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { mime: "image/webp", extension: "webp", inline: true };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument: an uncompressed "mimetype" entry first, holding the type.
    if (ascii(bytes, 30, 38) === "mimetype") {
      const declared = ascii(bytes, 38, 38 + 80);
      const match = Object.entries(ODF).find(([, mime]) => declared.startsWith(mime));
      return match ? { mime: match[1], extension: match[0], inline: false } : null;
    }
    const head = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
    const office = OOXML[extension];
    if (office && head.includes("[Content_Types].xml") && head.includes(office.marker))
      return { mime: office.mime, extension, inline: false };
    return null;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && OLE[extension])
    return { mime: OLE[extension]!, extension, inline: false };
  return null;
}
