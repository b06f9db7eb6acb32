import { shapeLinksMarkup, type ShapeFigure } from "@/lib/map/markup";
import type { ProjectedMap } from "@/lib/map/render";

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
      <g className="choropleth__shapes" dangerouslySetInnerHTML={{ __html: shapeLinksMarkup(map.shapes, figures) }} />
      {map.outlines && <path className="choropleth__outlines" d={map.outlines} aria-hidden="true" />}
      {map.overlay.length > 0 && (
        <g className="choropleth__qpv" dangerouslySetInnerHTML={{ __html: shapeLinksMarkup(map.overlay, overlay) }} />
      )}
    </svg>
  );
}
