"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

const STEP = 1.5;
const MAX_SCALE = 12;
const noSubscription = () => () => {};

/**
 * Light enhancement of the server-drawn map: a visible tip with the name and count of the
 * territory under the pointer or keyboard focus, and zoom buttons that change the SVG's
 * viewBox. Without JavaScript the map, its links and their titles work the same.
 */
export function MapEnhancer({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  const [view, setView] = useState<{ scale: number; cx: number; cy: number } | null>(null);
  // The zoom buttons exist only once JavaScript runs: without it they would do nothing.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  useEffect(() => {
    const svg = box.current?.querySelector<SVGSVGElement>("svg[data-map]");
    if (!svg) return;
    const base = svg.viewBox.baseVal;
    const original = { x: base.x, y: base.y, width: base.width, height: base.height };
    if (!view) {
      svg.setAttribute("viewBox", `${original.x} ${original.y} ${original.width} ${original.height}`);
      return;
    }
    const width = original.width / view.scale;
    const height = original.height / view.scale;
    const x = Math.min(Math.max(view.cx - width / 2, 0), original.width - width);
    const y = Math.min(Math.max(view.cy - height / 2, 0), original.height - height);
    svg.setAttribute("viewBox", `${x} ${y} ${width} ${height}`);
    return () => svg.setAttribute("viewBox", `${original.x} ${original.y} ${original.width} ${original.height}`);
  }, [view]);

  function show(target: EventTarget | null, clientX?: number, clientY?: number) {
    const link = target instanceof Element ? target.closest("a") : null;
    const container = box.current;
    if (!link || !container) return setTip(null);
    const text = link.querySelector("title")?.textContent ?? "";
    const area = container.getBoundingClientRect();
    const rect = link.getBoundingClientRect();
    setTip({
      text,
      x: (clientX ?? rect.left + rect.width / 2) - area.left,
      y: (clientY ?? rect.top) - area.top,
    });
  }

  function zoom(factor: number | null) {
    const svg = box.current?.querySelector<SVGSVGElement>("svg[data-map]");
    if (!svg) return;
    if (factor === null) return setView(null);
    const [, , width, height] = (svg.getAttribute("viewBox") ?? "0 0 0 0").split(" ").map(Number);
    setView((current) => {
      const scale = Math.min(Math.max((current?.scale ?? 1) * factor, 1), MAX_SCALE);
      if (scale === 1) return null;
      return { scale, cx: current?.cx ?? width! / 2, cy: current?.cy ?? height! / 2 };
    });
  }

  function centreOn(target: EventTarget | null) {
    // Keyboard users zoom where the focus is: re-centre on the focused territory.
    const link = target instanceof Element ? target.closest("a") : null;
    const path = link?.querySelector("path");
    if (!path || !view) return;
    const b = path.getBBox();
    setView({ ...view, cx: b.x + b.width / 2, cy: b.y + b.height / 2 });
  }

  return (
    <div className="map-enhanced">
      {ready && (
        <div className="map-zoom" role="group" aria-label="Zoom de la carte">
          <button type="button" onClick={() => zoom(STEP)}>
            Zoomer
          </button>
          <button type="button" onClick={() => zoom(1 / STEP)} disabled={!view}>
            Dézoomer
          </button>
          <button type="button" onClick={() => zoom(null)} disabled={!view}>
            Vue entière
          </button>
        </div>
      )}
      <div
        ref={box}
        className="map-frame"
        onPointerOver={(event) => show(event.target, event.clientX, event.clientY)}
        onPointerLeave={() => setTip(null)}
        onFocus={(event) => {
          show(event.target);
          centreOn(event.target);
        }}
        onBlur={() => setTip(null)}
      >
        {children}
        {tip && (
          <p className="map-tip" style={{ left: tip.x, top: tip.y }} aria-hidden="true">
            {tip.text}
          </p>
        )}
      </div>
    </div>
  );
}
