"use client";

/** One checkbox of a facet, as the server computed it (plain data: see FacetFilters). */
export interface FacetOption {
  value: string;
  label: string;
  /** The count, already formatted for French readers. */
  count: string;
  checked: boolean;
  disabled: boolean;
}

/**
 * The checkboxes of one facet. A client component only so that the page's RSC payload carries
 * these values as compact data instead of a tree of elements per checkbox: a search page shows
 * about a hundred of them, and that tree was a third of the payload (ADR 004, "Third pass").
 */
export function FacetValueList({ name, options }: { name: string; options: FacetOption[] }) {
  return (
    <ul className="facet__values">
      {options.map((option) => {
        const id = `f-${name}-${option.value}`;
        return (
          <li key={option.value}>
            <input type="checkbox" id={id} name={name} value={option.value} defaultChecked={option.checked} disabled={option.disabled} />
            <label htmlFor={id}>
              {option.label} <span className="facet__count">({option.count})</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
