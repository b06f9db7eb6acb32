import type { Segment } from "@/lib/search/highlight";

/** Text with the query's words in <mark>; every piece is rendered as text (React escapes it). */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, index) => (segment.highlighted ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  );
}
