import type { FieldChange } from "@/lib/editorial/diff";

/** Fields that differ between two states of an entry, one row each (history, save conflicts). */
export function FieldDiffTable({
  changes,
  beforeLabel,
  afterLabel,
  caption,
}: {
  changes: FieldChange[];
  beforeLabel: string;
  afterLabel: string;
  caption?: string;
}) {
  return (
    <table className="diff-table">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Champ</th>
          <th scope="col">{beforeLabel}</th>
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.key}>
            <th scope="row">{change.label}</th>
            <td className="diff-before">{change.before}</td>
            <td className="diff-after">{change.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
