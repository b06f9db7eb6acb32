/** A piece of text to show, highlighted when it matched the query. Rendered as text, never HTML. */
export interface Segment {
  text: string;
  highlighted: boolean;
}

/** Markers that ts_headline puts around matches; removed from the source text beforehand. */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

/** Splits ts_headline output into segments. */
export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  for (const [index, part] of marked.split(new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`)).entries()) {
    if (part) segments.push({ text: part, highlighted: index % 2 === 1 });
  }
  return segments;
}
