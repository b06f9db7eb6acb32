import type { Option } from "@/lib/editorial/form-values";

/** A labelled select of a GET filter form; `allLabel` adds the empty "no filter" choice first. */
export function FilterSelect({ name, label, options, value, allLabel }: { name: string; label: string; options: Option[]; value: string; allLabel?: string }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const toOptions = (entries: Record<string, string>): Option[] => Object.entries(entries).map(([value, label]) => ({ value, label }));
