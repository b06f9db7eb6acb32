import { updateSynonymGroup } from "@/app/admin/_actions/synonyms";
import { StateForm } from "@/components/admin/StateForm";
import { listSynonymGroups } from "@/lib/admin/synonyms";
import { requirePageUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";

export const metadata = { title: "Synonymes de la recherche" };

const labels = { terms: "Termes", source: "Source" };

function GroupFields({ id, terms, source }: { id: string; terms: string[]; source: string }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`terms-${id}`}>Termes (un par ligne)</label>
        <textarea id={`terms-${id}`} name="terms" rows={3} defaultValue={terms.join("\n")} required />
      </div>
      <div className="field">
        <label htmlFor={`source-${id}`}>Source de l&apos;équivalence</label>
        <input id={`source-${id}`} name="source" type="text" defaultValue={source} maxLength={500} required />
      </div>
    </>
  );
}

export default async function SynonymsPage() {
  const user = await requirePageUser("CONTRIBUTOR");
  const groups = await listSynonymGroups();
  const canEdit = hasRole(user.role, "EDITOR");
  return (
    <>
      <h1>Synonymes de la recherche</h1>
      <p>
        Un mot ou une expression d&apos;un groupe trouve aussi les autres termes du groupe (ex. « testing » trouve « test de situation »).
        Ne regroupez que des termes équivalents, et indiquez d&apos;où vient l&apos;équivalence.
      </p>
      {canEdit && (
        <section className="panel">
          <h2>Nouveau groupe</h2>
          <StateForm action={updateSynonymGroup} submitLabel="Ajouter le groupe" labels={labels}>
            <input type="hidden" name="id" value="" />
            <input type="hidden" name="version" value="0" />
            <GroupFields id="nouveau" terms={[]} source="" />
          </StateForm>
        </section>
      )}
      <h2>{groups.length} groupe(s)</h2>
      {groups.map((group) => (
        <section key={group.id} className="panel">
          <h3>{group.terms.join(" · ")}</h3>
          {canEdit ? (
            <StateForm action={updateSynonymGroup} submitLabel={`Enregistrer le groupe ${group.terms[0] ?? ""}`} labels={labels}>
              <input type="hidden" name="id" value={group.id} />
              <input type="hidden" name="version" value={group.version} />
              <GroupFields id={String(group.id)} terms={group.terms} source={group.source} />
              <div className="field">
                <input id={`trash-${group.id}`} name="trash" type="checkbox" />
                <label htmlFor={`trash-${group.id}`}>Retirer ce groupe</label>
              </div>
            </StateForm>
          ) : (
            <p>Source : {group.source || "non indiquée"}</p>
          )}
        </section>
      ))}
    </>
  );
}
