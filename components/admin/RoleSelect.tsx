import { ROLES, roleLabels } from "@/lib/auth/roles";

export function RoleSelect({ defaultValue = "CONTRIBUTOR" }: { defaultValue?: string }) {
  return (
    <div className="field">
      <label htmlFor="role">Rôle</label>
      <p className="hint" id="role-hint">
        Contributeur : crée et modifie ses brouillons, les soumet en relecture. Éditeur : modifie et publie tout. Administrateur : en plus,
        gère les comptes.
      </p>
      <select id="role" name="role" defaultValue={defaultValue} aria-describedby="role-hint">
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]}
          </option>
        ))}
      </select>
    </div>
  );
}
