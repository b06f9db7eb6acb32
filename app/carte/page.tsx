import type { Metadata } from "next";
import Link from "next/link";
import { ChoroplethMap } from "@/components/map/ChoroplethMap";
import { MapEnhancer } from "@/components/map/MapEnhancer";
import { MapFiguresTable } from "@/components/map/MapFiguresTable";
import { MapLegend } from "@/components/map/MapLegend";
import { plural } from "@/lib/format/labels";
import { describeFilters, getCarteData, withoutFilter } from "@/lib/map/carte";
import type { ShapeFigure } from "@/lib/map/markup";
import { LEVEL_LABELS, levelParam, listHrefForTerritory, mapHref, parseMapParams } from "@/lib/map/view";
import { placeScopeLabels } from "@/lib/format/labels";
import { parseSearchQuery, toSearchParams } from "@/lib/search/query";

export const metadata: Metadata = { title: "Carte des initiatives" };

export default async function CartePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const query = { ...parseSearchQuery(raw), page: 1 };
  const params = parseMapParams(raw);
  const [data, filters] = await Promise.all([getCarteData(query, params), describeFilters(query)]);
  const { level, zoom, map } = data;
  const where = zoom ? zoom.name : "Hauts-de-France";
  const levelLabel = LEVEL_LABELS[level];
  const listHref = (code: string) => listHrefForTerritory(query, code);
  const countLabel = (count: number) => plural(count, "initiative");
  const shapes = new Map<string, ShapeFigure>(
    data.figures.map((f) => [
      f.code,
      { count: f.count, shade: f.shade, href: listHref(f.code), label: `${f.name} : ${countLabel(f.count)}` },
    ]),
  );
  const overlay = new Map<string, ShapeFigure>(
    (map?.overlay ?? []).map((s) => {
      const count = data.qpv.get(s.code) ?? 0;
      return [s.code, { count, shade: 0, href: listHref(s.code), label: `${s.name} (quartier prioritaire) : ${countLabel(count)}` }];
    }),
  );
  const listSearch = toSearchParams(query).toString();
  const view = { level, zoom: zoom?.code };

  return (
    <div className="container carte">
      <h1>Carte des initiatives</h1>
      <p role="status">
        {plural(data.total, "initiative correspond", "initiatives correspondent")} à {filters.length > 0 ? "vos filtres" : "la recherche"}
        {" ; "}
        {plural(
          data.placed,
          `est rattachée à un territoire de niveau ${levelLabel.singular}`,
          `sont rattachées à un territoire de niveau ${levelLabel.singular}`,
        )}
        {zoom ? ` dans ${zoom.name}` : ""}.
      </p>
      <p className="meta">
        Le chiffre d&apos;un territoire compte les initiatives situées dans ce territoire ou dans un lieu qu&apos;il contient. Une
        initiative rattachée à un territoire plus grand (intercommunalité, département, région) n&apos;est pas répartie sur ses communes :
        elle compte au niveau où elle est rattachée.
        {query.territoire.length > 0 && ` Lieu choisi : ${placeScopeLabels[query.portee].toLowerCase()}.`}
      </p>

      {filters.length > 0 && (
        <div className="carte__filters">
          <p id="filtres-actifs">Filtres appliqués :</p>
          <ul className="chips" aria-labelledby="filtres-actifs">
            {filters.map((filter) => (
              <li key={`${filter.key}-${filter.value}`}>
                <Link href={mapHref(withoutFilter(query, filter), view)}>
                  {filter.label}
                  <span className="visually-hidden"> (retirer ce filtre)</span>
                  <span aria-hidden="true"> ×</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <Link href={listSearch ? `/initiatives?${listSearch}` : "/initiatives"}>Voir ces initiatives en liste et modifier les filtres</Link>
      </p>

      <form method="get" action="/carte" className="carte__view">
        {[...toSearchParams(query)].map(([key, value], index) => (
          <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
        ))}
        <div className="field">
          <label htmlFor="carte-niveau">Niveau</label>
          <select id="carte-niveau" name="niveau" defaultValue={levelParam(level)}>
            {data.levels.map((l) => (
              <option key={l} value={levelParam(l)}>
                {LEVEL_LABELS[l].plural}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="carte-zoom">Zone</label>
          <select id="carte-zoom" name="zoom" defaultValue={zoom?.code ?? ""}>
            <option value="">Toute la région</option>
            <optgroup label="Départements">
              {data.zoomOptions.departements.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name} ({d.code})
                </option>
              ))}
            </optgroup>
            <optgroup label="Intercommunalités (EPCI)">
              {data.zoomOptions.epci.map((e) => (
                <option key={e.code} value={e.code}>
                  {e.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="submit">Afficher la carte</button>
      </form>

      <div className="carte__layout">
        <section className="carte__map" aria-labelledby="carte-titre">
          <h2 id="carte-titre">
            {levelLabel.plural} – {where}
          </h2>
          {map ? (
            <>
              <a className="carte__skip" href="#carte-tableau">
                Passer la carte et aller au tableau des chiffres
              </a>
              <MapEnhancer>
                <ChoroplethMap
                  map={map}
                  figures={shapes}
                  overlay={overlay}
                  titleId="carte-svg-titre"
                  title={`Carte : initiatives par ${levelLabel.singular}, ${where}. Chaque territoire est un lien vers ses initiatives.`}
                />
              </MapEnhancer>
              <MapLegend classes={data.legend} hasQpv={map.overlay.length > 0} />
            </>
          ) : (
            <div className="notice">
              <p>
                <strong>Aucun contour de ce niveau n&apos;a été importé</strong> : la carte ne peut pas être dessinée. Les chiffres restent
                disponibles dans le tableau.
              </p>
              <p>Pour afficher la carte, importez les contours (fichiers GeoJSON en WGS84, propriétés « code » et « nom ») :</p>
              <pre>
                <code>
                  {"npm run geo:import -- --level region region.geojson\n" +
                    "npm run geo:import -- --level departements departements.geojson\n" +
                    "npm run geo:import -- --level communes communes.geojson   # EPCI calculés à partir des communes\n" +
                    "npm run geo:import -- --level qpv quartiers-prioritaires.geojson"}
                </code>
              </pre>
              <p>
                Les contours administratifs officiels sont publiés par Etalab (« contours administratifs », data.gouv.fr) et ceux des
                quartiers prioritaires par l&apos;ANCT.
              </p>
            </div>
          )}
        </section>
        <section className="carte__figures" aria-labelledby="carte-tableau-titre">
          <h2 id="carte-tableau-titre">Chiffres par territoire</h2>
          <MapFiguresTable
            id="carte-tableau"
            caption={`Initiatives par ${levelLabel.singular}, ${where}, selon les filtres appliqués.`}
            figures={data.figures}
            onlyNonZero={data.figures.length > 200}
            listHref={listHref}
            zoomHref={
              level === "COMMUNE" || (level === "EPCI" && zoom?.kind === "EPCI") ? undefined : (code) => mapHref(query, { zoom: code })
            }
          />
        </section>
      </div>
    </div>
  );
}
