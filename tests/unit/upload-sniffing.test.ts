import { describe, expect, it } from "vitest";
import { sniffFileType } from "@/lib/uploads/sniff";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));

function zipWith(firstName: string, extra = "") {
  const header = [0x50, 0x4b, 0x03, 0x04, ...new Array(22).fill(0), firstName.length, 0, 0, 0];
  return bytes(header, firstName, extra);
}

describe("upload type checked by content", () => {
  it("recognises PDF and images whatever their name says", () => {
    expect(sniffFileType(bytes("%PDF-1.7\n"), "rapport.pdf")).toMatchObject({ mime: "application/pdf", inline: true });
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "photo.jpg")).toMatchObject({
      mime: "image/png",
      extension: "png",
    });
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0]), "photo")).toMatchObject({ mime: "image/jpeg" });
    expect(sniffFileType(bytes("GIF89a"), "a.gif")).toMatchObject({ mime: "image/gif" });
    expect(sniffFileType(bytes("RIFF", [0, 0, 0, 0], "WEBP"), "a.webp")).toMatchObject({ mime: "image/webp" });
  });

  it("recognises office documents (OOXML, OpenDocument, legacy OLE)", () => {
    expect(sniffFileType(zipWith("[Content_Types].xml", "word/document.xml"), "note.docx")).toMatchObject({
      extension: "docx",
      inline: false,
    });
    expect(sniffFileType(zipWith("mimetype", "application/vnd.oasis.opendocument.text"), "note.odt")).toMatchObject({ extension: "odt" });
    expect(sniffFileType(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "vieux.doc")).toMatchObject({
      mime: "application/msword",
    });
  });

  it("refuses HTML, SVG, scripts and executables, even named .pdf", () => {
    expect(sniffFileType(bytes("<html><script>alert(1)</script>"), "rapport.pdf")).toBeNull();
    expect(sniffFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "image.svg")).toBeNull();
    expect(sniffFileType(bytes("MZ\x90\x00"), "setup.pdf")).toBeNull();
    expect(sniffFileType(bytes("#!/bin/sh\n"), "script.docx")).toBeNull();
    // A ZIP that is not an office document (or is named as one but is not) is refused.
    expect(sniffFileType(zipWith("payload.exe"), "archive.docx")).toBeNull();
    expect(sniffFileType(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "vieux.exe")).toBeNull();
  });
});
