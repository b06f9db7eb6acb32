import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { notFound } from "next/navigation";
import { recordId } from "@/lib/validation/integer";
import { restoreVersion } from "@/app/admin/_actions/editorial";
import { ActionButton } from "@/components/admin/ActionButton";
import { FieldDiffTable } from "@/components/admin/FieldDiffTable";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { compareRevisions, revisionsOf } from "@/lib/admin/records";
import { requirePageUser } from "@/lib/auth/guards";
import { definitionByPath } from "@/lib/editorial/registry";
import { TableScroll } from "@/components/layout/TableScroll";

type Props = {
  params: Promise<{ entity: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const revisionId = recordId.optional().catch(undefined);

export const metadata = { title: "Historique des versions" };

export default async function HistoryPage({ params, searchParams }: Props) {
  const { entity, id } = await params;
  const def = definitionByPath(entity);
  if (!def || !/^\d{1,9}$/.test(id)) notFound();
  await requirePageUser("CONTRIBUTOR");
  const data = await revisionsOf(def, Number(id));
  if (!data) notFound();
  const search = await searchParams;
  const from = revisionId.parse(search.de);
  const to = revisionId.parse(search.a);
  const comparison = from && to ? await compareRevisions(def, data.meta.id, from, to) : null;
  const [latest, previous] = data.revisions;
  const versionOptions = data.revisions.map((r) => ({ value: String(r.id), label: `Version ${r.version}` }));

  return (
    <>
      <Breadcrumb
        root={null}
        trail={[
          { href: `/admin/${def.path}`, label: def.label.many },
          { href: `/admin/${def.path}/${data.meta.id}`, label: data.meta.title },
        ]}
        current="Historique"
      />
      <h1>Historique : {data.meta.title}</h1>
      {data.revisions.length === 0 ? (
        <p>Aucune version enregistrée (contenu chargé avant l&apos;historique).</p>
      ) : (
        <>
          <form method="get" className="filters" aria-label="Comparer deux versions">
            <FilterSelect
              name="de"
              label="Comparer la version"
              options={versionOptions}
              value={String(from ?? previous?.id ?? latest!.id)}
            />
            <FilterSelect name="a" label="avec la version" options={versionOptions} value={String(to ?? latest!.id)} />
            <button type="submit">Comparer</button>
          </form>

          {comparison && (
            <section aria-labelledby="diff-title">
              <h2 id="diff-title">
                Différences entre la version {comparison.from} et la version {comparison.to}
              </h2>
              {comparison.changes.length === 0 ? (
                <p>Aucune différence.</p>
              ) : (
                <FieldDiffTable
                  changes={comparison.changes}
                  beforeLabel={`Version ${comparison.from}`}
                  afterLabel={`Version ${comparison.to}`}
                />
              )}
            </section>
          )}

          <h2>Versions</h2>
          <TableScroll label="Versions">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Date</th>
                  <th scope="col">Auteur</th>
                  <th scope="col">Commentaire</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {data.revisions.map((revision) => (
                  <tr key={revision.id}>
                    <td>{revision.version}</td>
                    <td>{dateTime.format(revision.createdAt)}</td>
                    <td>{revision.author?.name ?? "—"}</td>
                    <td>{revision.comment ?? "—"}</td>
                    <td>
                      {revision.version === data.meta.version ? (
                        "Version actuelle"
                      ) : data.canRestore ? (
                        <ActionButton
                          action={restoreVersion}
                          fields={{ entity: def.path, id: data.meta.id, revision: revision.id, version: data.meta.version }}
                          label={`Restaurer la version ${revision.version}`}
                          variant="secondary"
                        />
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
