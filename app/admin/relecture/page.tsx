import Link from "next/link";
import { reviewQueue } from "@/lib/admin/records";
import { requirePageUser } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format/labels";

export const metadata = { title: "À relire" };

export default async function ReviewQueuePage() {
  await requirePageUser("EDITOR");
  const groups = await reviewQueue();
  const total = groups.reduce((sum, group) => sum + group.rows.length, 0);
  return (
    <>
      <h1>À relire</h1>
      <p role="status">
        {total === 0 ? "Rien à relire pour le moment." : `${total} contenu(s) soumis en relecture, les plus anciens d'abord.`}
      </p>
      {groups
        .filter((group) => group.rows.length > 0)
        .map(({ def, rows }) => (
          <section key={def.path}>
            <h2>{def.label.many}</h2>
            <ul>
              {rows.map((row) => (
                <li key={row.id}>
                  <Link href={`/admin/${def.path}/${row.id}`}>{row.title}</Link> — {row.author ?? "auteur inconnu"}, modifié le{" "}
                  {formatDate(row.updatedAt)}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}
