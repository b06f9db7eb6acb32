import type { LegendClass } from "@/lib/map/legend";

/** The value range of each shade, in text: the colour is never the only way to read a figure. */
export function MapLegend({ classes, hasQpv }: { classes: LegendClass[]; hasQpv: boolean }) {
  return (
    <div className="map-legend">
      <p className="map-legend__title" id="legende-titre">
        Nombre d&apos;initiatives
      </p>
      <ul aria-labelledby="legende-titre">
        {classes.map((c) => (
          <li key={c.index}>
            <svg className={`map-legend__swatch shade-${c.index}`} viewBox="0 0 20 14" aria-hidden="true" focusable="false">
              <rect width="20" height="14" />
            </svg>
            {c.label}
          </li>
        ))}
        {hasQpv && (
          <li>
            <svg className="map-legend__swatch map-legend__qpv" viewBox="0 0 20 14" aria-hidden="true" focusable="false">
              <rect x="2" y="2" width="16" height="10" />
            </svg>
            Quartier prioritaire (contour)
          </li>
        )}
      </ul>
    </div>
  );
}
