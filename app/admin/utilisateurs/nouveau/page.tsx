import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { createUser } from "@/app/admin/_actions/users";
import { RoleSelect } from "@/components/admin/RoleSelect";
import { StateForm } from "@/components/admin/StateForm";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata = { title: "Inviter un utilisateur" };

export default async function NewUserPage() {
  await requirePageUser("ADMIN");
  return (
    <>
      <Breadcrumb root={null} trail={[{ href: "/admin/utilisateurs", label: "Utilisateurs" }]} current="Inviter" />
      <h1>Inviter un utilisateur</h1>
      <p>
        Le compte est créé sans mot de passe : un message d&apos;invitation est envoyé à cette adresse, avec un lien pour choisir le sien
        (vous le voyez aussi, une seule fois).
      </p>
      <StateForm action={createUser} submitLabel="Créer le compte" labels={{ email: "Adresse e-mail", name: "Nom", role: "Rôle" }}>
        <div className="field">
          <label htmlFor="name">Nom</label>
          <input id="name" name="name" required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="email">Adresse e-mail</label>
          <input id="email" name="email" type="email" required autoComplete="off" />
        </div>
        <RoleSelect />
      </StateForm>
    </>
  );
}
