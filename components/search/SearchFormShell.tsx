"use client";

import { usePathname, useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useRef, useTransition } from "react";

/**
 * The query string a GET submission of the form would produce, without empty fields nor a
 * select left on its first option (the default), so that URLs stay short and canonical.
 */
function formQuery(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement) || !element.name || element.disabled) continue;
    if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio") && !element.checked) continue;
    if (element instanceof HTMLSelectElement && element.selectedIndex <= 0) continue;
    if (element.value.trim() !== "") params.append(element.name, element.value);
  }
  return params.toString();
}

/**
 * The search form. Without JavaScript it is a plain GET form. With JavaScript, ticking a filter
 * or submitting updates the URL through the router (no full reload, history entries kept), and
 * the inputs follow the URL when the person goes back or forward.
 */
export function SearchFormShell({
  children,
  className,
  label,
  current,
}: {
  children: ReactNode;
  className?: string;
  label: string;
  /** The query string the server rendered (useSearchParams would opt the form out of server rendering). */
  current: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const rendered = useRef(current);

  // Back/forward: the server renders the new results; inputs rendered with default values keep
  // the old state in the DOM, so they are brought in line with the URL here.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const searchParams = new URLSearchParams(current);
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
      // Hidden fields are rendered from the URL already, and may repeat a name with other values.
      if (element instanceof HTMLInputElement && element.type === "hidden") continue;
      if (element instanceof HTMLInputElement && element.type === "radio" && !searchParams.has(element.name)) {
        // A radio group whose value the URL leaves out holds its default, listed first (as a select).
        element.checked = element === form.querySelector(`input[type="radio"][name="${CSS.escape(element.name)}"]`);
      } else if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) {
        element.checked = searchParams.getAll(element.name).includes(element.value);
      } else if (element.name) {
        const fallback = element instanceof HTMLSelectElement ? (element.options[0]?.value ?? "") : "";
        element.value = searchParams.get(element.name) ?? fallback;
      }
    }
    // A link that removed a filter (a chip) is gone from the new page: rather than leaving focus
    // on the body, it goes to the count, which also tells what changed.
    const changed = rendered.current !== current;
    rendered.current = current;
    if (changed && (document.activeElement === null || document.activeElement === document.body)) {
      form.querySelector<HTMLElement>("[data-results-focus]")?.focus();
    }
  }, [current]);

  function apply(form: HTMLFormElement) {
    const query = formQuery(form);
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(event.currentTarget);
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target;
    // Ticking a box, choosing a scope or a sort applies at once; text fields wait for the submit button.
    if (
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio"))
    ) {
      // A new filter restarts at page 1: the page field is not part of the form.
      apply(event.currentTarget);
    }
  }

  return (
    <form
      ref={formRef}
      method="get"
      role="search"
      aria-label={label}
      className={className}
      onSubmit={onSubmit}
      onChange={onChange}
      aria-busy={pending}
    >
      {children}
    </form>
  );
}
