import type { Segment } from "@/lib/search/highlight";

/**
 * Text with the query's words in <mark>; every piece is rendered as text (React escapes it).
 * Plain pieces stay bare strings (no key needed): an element each would weigh on the page's
 * payload, twenty excerpts per page (ADR 004, "Second pass").
 */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((segment, index) => (segment.highlighted ? <mark key={index}>{segment.text}</mark> : segment.text))}</>;
}
