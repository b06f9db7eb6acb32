import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { notFound } from "next/navigation";
import { sendPasswordReset, updateUser } from "@/app/admin/_actions/users";
import { RoleSelect } from "@/components/admin/RoleSelect";
import { StateForm } from "@/components/admin/StateForm";
import { getUser } from "@/lib/admin/users";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata = { title: "Compte utilisateur" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  await requirePageUser("ADMIN");
  const user = await getUser(Number(id));
  if (!user) notFound();
  return (
    <>
      <Breadcrumb root={null} trail={[{ href: "/admin/utilisateurs", label: "Utilisateurs" }]} current={user.name} />
      <h1>{user.name}</h1>
      <p>{user.email}</p>
      <StateForm action={updateUser} submitLabel="Enregistrer" labels={{ name: "Nom", role: "Rôle" }}>
        <input type="hidden" name="id" value={user.id} />
        <div className="field">
          <label htmlFor="name">Nom</label>
          <input id="name" name="name" defaultValue={user.name} required />
        </div>
        <RoleSelect defaultValue={user.role} />
        <div className="field field--checkbox">
          <input id="disabled" name="disabled" type="checkbox" defaultChecked={user.disabled} aria-describedby="disabled-hint" />
          <label htmlFor="disabled">Compte désactivé</label>
          <p className="hint" id="disabled-hint">
            Un compte désactivé ne peut plus se connecter, et ses sessions ouvertes cessent à la requête suivante.
          </p>
        </div>
      </StateForm>
      <h2>Mot de passe</h2>
      <StateForm action={sendPasswordReset} submitLabel="Créer un lien de réinitialisation">
        <input type="hidden" name="id" value={user.id} />
      </StateForm>
    </>
  );
}
