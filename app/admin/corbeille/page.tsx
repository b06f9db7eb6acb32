import { deletePermanently, restoreFromTrash } from "@/app/admin/_actions/editorial";
import { ActionButton } from "@/components/admin/ActionButton";
import { trashContents } from "@/lib/admin/records";
import { requirePageUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format/labels";

export const metadata = { title: "Corbeille" };

export default async function TrashPage() {
  await requirePageUser("CONTRIBUTOR");
  const { user, groups } = await trashContents();
  const canRestore = hasRole(user.role, "EDITOR");
  const canPurge = hasRole(user.role, "ADMIN");
  return (
    <>
      <h1>Corbeille</h1>
      <p>
        Les contenus mis à la corbeille ne sont plus visibles nulle part. Les éditeurs peuvent les restaurer ; seuls les administrateurs
        peuvent les supprimer définitivement.
      </p>
      {groups.length === 0 && <p role="status">La corbeille est vide.</p>}
      {groups.map(({ def, rows }) => (
        <section key={def.path}>
          <h2>{def.label.many}</h2>
          <ul className="trash-list">
            {rows.map((row) => (
              <li key={row.id}>
                <p>
                  <strong>{row.title}</strong> <span className="meta">(mis à la corbeille le {formatDate(row.deletedAt)})</span>
                </p>
                {canRestore && (
                  <ActionButton
                    action={restoreFromTrash}
                    fields={{ entity: def.path, id: row.id }}
                    label={`Restaurer « ${row.title} »`}
                    variant="secondary"
                  />
                )}
                {canPurge && (
                  <details>
                    <summary>Supprimer définitivement « {row.title} »</summary>
                    <ActionButton
                      action={deletePermanently}
                      fields={{ entity: def.path, id: row.id }}
                      label="Supprimer définitivement"
                      variant="danger"
                    >
                      <label htmlFor={`confirm-${def.path}-${row.id}`}>Tapez SUPPRIMER pour confirmer (irréversible)</label>
                      <input id={`confirm-${def.path}-${row.id}`} name="confirm" autoComplete="off" />
                    </ActionButton>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
