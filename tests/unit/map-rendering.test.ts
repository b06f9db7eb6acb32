import { describe, expect, it } from "vitest";
import { classOf, legendClasses } from "@/lib/map/legend";
import { escapeXml, shapeLinksMarkup } from "@/lib/map/markup";
import { projectMap } from "@/lib/map/render";
import { mapHref, parseMapParams, resolveLevel } from "@/lib/map/view";
import { parseSearchQuery } from "@/lib/search/query";

describe("map legend", () => {
  it("gives each small count its own class and splits large ranges geometrically", () => {
    expect(legendClasses(0).map((c) => c.label)).toEqual(["Aucune initiative"]);
    expect(legendClasses(3).map((c) => c.label)).toEqual(["Aucune initiative", "1", "2", "3"]);
    const wide = legendClasses(100);
    expect(wide.map((c) => c.label)).toEqual(["Aucune initiative", "1 à 3", "4 à 6", "7 à 16", "17 à 40", "41 à 100"]);
    expect(classOf(0, wide)).toBe(0);
    expect(classOf(17, wide)).toBe(4);
    expect(classOf(100, wide)).toBe(5);
  });
});

describe("map markup", () => {
  it("escapes names and links", () => {
    expect(escapeXml(`<b>"A" & 'B'</b>`)).toBe("&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;");
    const markup = shapeLinksMarkup(
      [{ code: "1", name: "x", d: "M0,0l1,1z" }],
      new Map([["1", { count: 2, shade: 1, href: "/i?a=1&b=2", label: "<script>" }]]),
    );
    expect(markup).toBe('<a href="/i?a=1&amp;b=2" class="shade-1"><title>&lt;script&gt;</title><path d="M0,0l1,1z"/></a>');
  });

  it("projects to the requested width with relative path data", () => {
    const map = projectMap({
      width: 200,
      shapes: [
        {
          code: "a",
          name: "A",
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [2, 50],
                [2.1, 50],
                [2.1, 50.1],
                [2, 50.1],
                [2, 50],
              ],
            ],
          },
        },
      ],
      digits: 0,
    });
    expect(map.width).toBe(200);
    expect(map.height).toBeGreaterThan(150);
    expect(map.shapes[0]!.d).toMatch(/^M\d+,\d+(l-?\d+(,|-)\d+){3}z$/);
  });

  it("draws a ring the same whichever way it winds", () => {
    const ring = [
      [2, 50],
      [2.1, 50],
      [2.1, 50.1],
      [2, 50.1],
      [2, 50],
    ];
    const draw = (coordinates: number[][]) =>
      projectMap({ width: 200, shapes: [{ code: "a", name: "A", geometry: { type: "Polygon", coordinates: [coordinates] } }], digits: 0 })
        .shapes[0]!.d;
    const forward = draw(ring);
    const backward = draw([...ring].reverse());
    expect(forward.length).toBeLessThan(40);
    expect(backward.length).toBeLessThan(40);
  });
});

describe("map view parameters", () => {
  it("keeps the search filters and drops bad map parameters", () => {
    const query = parseSearchQuery(new URLSearchParams("approche=testing&territoire=59&page=3"));
    expect(mapHref(query, { level: "COMMUNE", zoom: "59" })).toBe("/carte?territoire=59&approche=testing&niveau=communes&zoom=59");
    expect(parseMapParams(new URLSearchParams("niveau=pays&zoom=<script>"))).toEqual({ niveau: undefined, zoom: undefined });
    expect(resolveLevel("departements", "EPCI")).toBe("COMMUNE");
    expect(resolveLevel(undefined, undefined)).toBe("DEPARTEMENT");
    expect(resolveLevel("epci", "DEPARTEMENT")).toBe("EPCI");
  });
});
