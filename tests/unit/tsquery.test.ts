import { describe, expect, it } from "vitest";
import { parseWordTree } from "@/lib/search/tsquery";

describe("frequent words (posting bitmaps)", () => {
  it("parses word-only tsqueries, and nothing else", () => {
    expect(parseWordTree("'lutt' & 'discrimin'")).toEqual({ op: "&", args: [{ word: "lutt" }, { word: "discrimin" }] });
    expect(parseWordTree("'a' & 'b' | 'c'")).toEqual({ op: "|", args: [{ op: "&", args: [{ word: "a" }, { word: "b" }] }, { word: "c" }] });
    expect(parseWordTree("( 'a' | 'b' ) & 'l''x'")).toEqual({
      op: "&",
      args: [{ op: "|", args: [{ word: "a" }, { word: "b" }] }, { word: "l'x" }],
    });
    for (const other of ["'a' <-> 'b'", "!'a'", "'a':*", "'a':A", "'a' &", "", "( 'a'"]) expect(parseWordTree(other)).toBeUndefined();
  });
});
