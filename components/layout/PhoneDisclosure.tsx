"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";

/** Where layouts switch to one column (the same width as the max-width: 40rem media queries). */
const PHONE = "(max-width: 40rem)";

/**
 * A block that is collapsed behind a button on a phone and always shown on a wider screen,
 * where the stylesheet hides the button (.phone-disclosure in globals.css). It starts closed:
 * without JavaScript a phone gets the closed <details> the browser opens and closes, and a
 * wide screen shows the content anyway through ::details-content. With JavaScript it is also
 * opened on wide screens, for browsers that cannot show a closed disclosure's content.
 */
export function PhoneDisclosure({
  summary,
  className,
  id,
  children,
}: {
  summary: ReactNode;
  className?: string;
  id?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const media = window.matchMedia(PHONE);
    const follow = () => {
      if (!media.matches) details.open = true;
    };
    follow();
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, []);

  // A menu used to go to another page folds away on a phone once that page is shown (a layout
  // keeps its state across pages); a change of query string alone (a filter) leaves it open.
  useEffect(() => {
    const details = ref.current;
    if (details && window.matchMedia(PHONE).matches) details.open = false;
  }, [pathname]);

  return (
    <details ref={ref} className={className ? `phone-disclosure ${className}` : "phone-disclosure"} id={id}>
      <summary className="phone-disclosure__toggle">{summary}</summary>
      <div className="phone-disclosure__body">{children}</div>
    </details>
  );
}
