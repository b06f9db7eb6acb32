import type { ProjectedShape } from "./render";

/**
 * SVG markup of the shaded territories, as one string: React would otherwise walk (and
 * serialise for hydration) three elements per commune, which made the commune map of the
 * whole région several times slower to render. Every text is escaped here.
 */

export interface ShapeFigure {
  count: number;
  shade: number;
  href: string;
  /** Accessible name and hover tip: "Roubaix : 2 initiatives". */
  label: string;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function shapeLinksMarkup(shapes: ProjectedShape[], figures: Map<string, ShapeFigure>): string {
  let markup = "";
  for (const shape of shapes) {
    const figure = figures.get(shape.code);
    if (!figure) continue;
    const shade = figure.shade > 0 ? ` class="shade-${figure.shade}"` : "";
    // The path data is made of digits, commas, minus signs, dots and letters only.
    markup += `<a href="${escapeXml(figure.href)}"${shade}><title>${escapeXml(figure.label)}</title><path d="${shape.d}"/></a>`;
  }
  return markup;
}
