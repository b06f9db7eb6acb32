import type { ReactNode } from "react";

/**
 * A data table wider than a phone scrolls inside its own box instead of widening the page
 * (WCAG 1.4.10 allows two-dimensional scrolling for data tables, not for the whole page). The
 * box is a named, focusable region so that it can be scrolled from the keyboard.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
