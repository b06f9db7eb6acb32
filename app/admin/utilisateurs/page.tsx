import Link from "next/link";
import { listUsers } from "@/lib/admin/users";
import { requirePageUser } from "@/lib/auth/guards";
import { roleLabels } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format/labels";
import { TableScroll } from "@/components/layout/TableScroll";

export const metadata = { title: "Utilisateurs" };

export default async function UsersPage() {
  await requirePageUser("ADMIN");
  const users = await listUsers();
  return (
    <>
      <h1>Utilisateurs</h1>
      <p>
        <Link className="button" href="/admin/utilisateurs/nouveau">
          Inviter un utilisateur
        </Link>
      </p>
      <TableScroll label="Utilisateurs">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">E-mail</th>
              <th scope="col">Rôle</th>
              <th scope="col">État</th>
              <th scope="col">Dernière connexion</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link href={`/admin/utilisateurs/${user.id}`}>{user.name}</Link>
                </td>
                <td>{user.email}</td>
                <td>{roleLabels[user.role]}</td>
                <td>{user.disabled ? "Désactivé" : user.totpEnabledAt ? "Actif, double authentification" : "Actif"}</td>
                <td>{user.lastLoginAt ? formatDate(user.lastLoginAt) : "jamais"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
