import Link from "next/link";
import type { TerritoryFigure } from "@/lib/map/carte";

/**
 * The map's figures as a table (RGAA: information not given by colour alone). On the commune
 * map of the whole région only communes with initiatives are listed, the others summed up in
 * the caption: 3,800 rows of zeros would bury the answer.
 */
export function MapFiguresTable({
  id,
  caption,
  figures,
  onlyNonZero,
  listHref,
  zoomHref,
}: {
  id: string;
  caption: string;
  figures: TerritoryFigure[];
  onlyNonZero: boolean;
  listHref: (code: string) => string;
  zoomHref?: (code: string) => string;
}) {
  const sorted = [...figures].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "fr"));
  const rows = onlyNonZero ? sorted.filter((f) => f.count > 0) : sorted;
  const hidden = sorted.length - rows.length;
  return (
    <table className="map-table" id={id}>
      <caption>
        {caption}
        {hidden > 0 && <span className="map-table__note"> Les {hidden.toLocaleString("fr-FR")} autres n&apos;en comptent aucune.</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">Territoire</th>
          <th scope="col">Initiatives</th>
          {zoomHref && <th scope="col">Carte</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => (
          <tr key={f.code}>
            <th scope="row">
              <Link href={listHref(f.code)}>{f.name}</Link>
            </th>
            <td>{f.count.toLocaleString("fr-FR")}</td>
            {zoomHref && (
              <td>
                <Link href={zoomHref(f.code)}>
                  Zoomer<span className="visually-hidden"> sur {f.name}</span>
                </Link>
              </td>
            )}
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={zoomHref ? 3 : 2}>Aucun territoire de ce niveau ne compte d&apos;initiative pour ces filtres.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
