import { plural } from "@/lib/format/labels";
import { type SearchQuery, toSearchParams, withQuery } from "@/lib/search/query";

/** "Exporter": downloads and feed of the whole current selection (every page), same parameters. */
export function ExportLinks({ query, total }: { query: SearchQuery; total: number }) {
  const params = toSearchParams({ ...query, page: 1 });
  const href = (path: string) => withQuery(path, params);
  const selection = plural(total, "initiative");
  return (
    <section className="export-links" aria-labelledby="export-heading">
      <h2 id="export-heading" className="export-links__title">
        Exporter
      </h2>
      <ul>
        <li>
          <a href={href("/initiatives/export.csv")} download>
            Tableur CSV<span className="visually-hidden"> des {selection} de cette sélection</span>
          </a>
        </li>
        <li>
          <a href={href("/initiatives/export.json")} download>
            JSON<span className="visually-hidden"> des {selection} de cette sélection</span>
          </a>
        </li>
        <li>
          <a href={href("/initiatives/flux.xml")}>
            Flux Atom<span className="visually-hidden"> de cette sélection</span>
          </a>
        </li>
        <li>
          <a href="/api">API et licence</a>
        </li>
      </ul>
    </section>
  );
}
