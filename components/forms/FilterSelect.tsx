import type { Option } from "@/lib/editorial/form-values";

/** A labelled select of a GET filter form; `allLabel` adds the empty "no filter" choice first. */
export function FilterSelect({
  id,
  name,
  label,
  options,
  value,
  allLabel,
}: {
  id?: string;
  name: string;
  label: string;
  options: Option[];
  value: string | undefined;
  allLabel?: string;
}) {
  const fieldId = id ?? name;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} name={name} defaultValue={value ?? ""}>
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
