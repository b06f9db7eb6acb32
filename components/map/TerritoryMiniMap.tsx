import { prisma } from "@/lib/db/client";
import { territoryKindLabels } from "@/lib/format/labels";
import { getMiniMap } from "@/lib/map/shapes";

/**
 * A small server-drawn map of a territory among its neighbours, its children outlined (for
 * /territoires/<code>). Each neighbour links to its own page. Renders nothing when no contour
 * of that territory was imported.
 */
export async function TerritoryMiniMap({ code, hrefFor = (c) => `/territoires/${encodeURIComponent(c)}` }: { code: string; hrefFor?: (code: string) => string }) {
  const map = await getMiniMap(prisma, code);
  if (!map) return null;
  const { target } = map;
  const titleId = `mini-carte-${target.code}`;
  const targetShape = map.shapes.find((s) => s.code === target.code) ?? map.overlay.find((s) => s.code === target.code);
  const isQpv = target.kind === "QPV";
  const children = isQpv ? [] : map.overlay;
  const caption = isQpv
    ? `${target.name} dans sa commune et les communes voisines`
    : target.kind === "REGION"
      ? `${target.name} et ses départements`
      : `${target.name} (${territoryKindLabels[target.kind].toLowerCase()}) et ${target.kind === "DEPARTEMENT" ? "les départements" : target.kind === "EPCI" ? "les intercommunalités" : "les communes"} voisin${target.kind === "DEPARTEMENT" ? "s" : "es"}`;
  return (
    <figure className="mini-map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} aria-labelledby={titleId}>
        <title id={titleId}>{`Carte : ${caption}`}</title>
        {map.shapes
          .filter((s) => s.code !== target.code)
          .map((s) => (
            <a key={s.code} href={hrefFor(s.code)} className="mini-map__neighbour">
              <title>{s.name}</title>
              <path d={s.d} />
            </a>
          ))}
        {targetShape && <path className="mini-map__target-fill" d={targetShape.d} aria-hidden="true" />}
        {children.length > 0 && <path className="mini-map__children" d={children.map((c) => c.d).join("")} aria-hidden="true" />}
        <path className="mini-map__target" d={map.outlines} aria-hidden="true" />
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
