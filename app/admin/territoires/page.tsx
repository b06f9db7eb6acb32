import { updateTerritoryAliases } from "@/app/admin/_actions/territories";
import { StateForm } from "@/components/admin/StateForm";
import { searchTerritories } from "@/lib/admin/territories";
import { requirePageUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";

export const metadata = { title: "Territoires" };

export default async function TerritoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("CONTRIBUTOR");
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").slice(0, 100);
  const rows = q ? await searchTerritories(q, 30) : [];
  const canEdit = hasRole(user.role, "EDITOR");
  return (
    <>
      <h1>Territoires</h1>
      <p>
        Le référentiel officiel (région, départements, intercommunalités, communes, QPV) ne se modifie pas ici ; on peut lui ajouter des
        alias, les noms d&apos;usage (ex. « ACSO ») qui aident à trouver un territoire.
      </p>
      <form method="get" className="filters" role="search" aria-label="Chercher un territoire">
        <div className="field">
          <label htmlFor="q">Nom, alias ou code</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit">Chercher</button>
      </form>
      {q && <p role="status">{rows.length === 0 ? "Aucun territoire trouvé." : `${rows.length} territoire(s).`}</p>}
      {rows.map((row) => (
        <section key={row.code} className="panel territory-aliases">
          <h2>{row.label}</h2>
          {canEdit ? (
            <StateForm action={updateTerritoryAliases} submitLabel={`Enregistrer les alias de ${row.name}`}>
              <input type="hidden" name="code" value={row.code} />
              <input type="hidden" name="version" value={row.version} />
              <div className="field">
                <label htmlFor={`aliases-${row.code}`}>Alias (un par ligne)</label>
                <textarea id={`aliases-${row.code}`} name="aliases" rows={3} defaultValue={row.aliases.join("\n")} />
              </div>
            </StateForm>
          ) : (
            <p>Alias : {row.aliases.length ? row.aliases.join(", ") : "aucun"}</p>
          )}
        </section>
      ))}
    </>
  );
}
