import { formatSourceDate, sourceKindLabels } from "@/lib/format/labels";

/** A source as cited on public pages: its title (linked when it has an address), kind and date. */
export function SourceCitation({
  source,
}: {
  source: { title: string; url: string | null; kind: "EVENT" | "DOCUMENT"; date: Date | null };
}) {
  return (
    <>
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        source.title
      )}{" "}
      <span className="meta">
        ({sourceKindLabels[source.kind].toLowerCase()}
        {source.date && `, ${formatSourceDate(source.date, source.kind)}`})
      </span>
    </>
  );
}
