import type { ProjectedMap } from "@/lib/map/render";
import { plural } from "@/lib/format/labels";

export interface ShapeFigure {
  count: number;
  shade: number;
  href: string;
}

const countLabel = (count: number) => plural(count, "initiative");

/**
 * The shaded map, drawn on the server: each territory is a link (its name and count in its
 * <title>, which gives both the accessible name and the hover tip) to the initiatives there.
 */
export function ChoroplethMap({
  map,
  figures,
  overlay,
  titleId,
  title,
}: {
  map: ProjectedMap;
  figures: Map<string, ShapeFigure>;
  overlay: Map<string, ShapeFigure>;
  titleId: string;
  title: string;
}) {
  return (
    <svg className="choropleth" viewBox={`0 0 ${map.width} ${map.height}`} aria-labelledby={titleId} data-map="">
      <title id={titleId}>{title}</title>
      <g className="choropleth__shapes">
        {map.shapes.map((shape) => {
          const figure = figures.get(shape.code);
          if (!figure) return null;
          return (
            <a key={shape.code} href={figure.href} className={`shade-${figure.shade}`}>
              <title>{`${shape.name} : ${countLabel(figure.count)}`}</title>
              <path d={shape.d} />
            </a>
          );
        })}
      </g>
      {map.outlines && <path className="choropleth__outlines" d={map.outlines} aria-hidden="true" />}
      {map.overlay.length > 0 && (
        <g className="choropleth__qpv">
          {map.overlay.map((shape) => {
            const figure = overlay.get(shape.code);
            if (!figure) return null;
            return (
              <a key={shape.code} href={figure.href}>
                <title>{`${shape.name} (quartier prioritaire) : ${countLabel(figure.count)}`}</title>
                <path d={shape.d} />
              </a>
            );
          })}
        </g>
      )}
    </svg>
  );
}
