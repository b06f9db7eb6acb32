import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterSelect, toOptions } from "@/components/forms/FilterSelect";
import { StatusBadge } from "@/components/admin/StatusBadge";
import { Pagination } from "@/components/navigation/Pagination";
import { listRecords, parseListQuery, type ListQuery } from "@/lib/admin/records";
import { requirePageUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { definitionByPath } from "@/lib/editorial/registry";
import { formatDate, plural, statusLabels } from "@/lib/format/labels";
import { TableScroll } from "@/components/layout/TableScroll";

type Props = { params: Promise<{ entity: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  return { title: definitionByPath((await params).entity)?.label.many ?? "Page introuvable" };
}

const sortOptions = toOptions({ recent: "Modifiés récemment", ancien: "Modifiés il y a longtemps", titre: "Titre (A → Z)" });

function queryString(query: ListQuery, page: number) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.statut) params.set("statut", query.statut);
  if (query.auteur) params.set("auteur", query.auteur);
  if (query.tri !== "recent") params.set("tri", query.tri);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default async function EntityList({ params, searchParams }: Props) {
  const user = await requirePageUser("CONTRIBUTOR");
  const def = definitionByPath((await params).entity);
  if (!def) notFound();
  const query = parseListQuery(await searchParams);
  const { items, total, pageCount, authors } = await listRecords(def, query);
  const base = `/admin/${def.path}`;
  return (
    <>
      <h1>{def.label.many}</h1>
      {hasRole(user.role, def.editRole) && (
        <p>
          <Link className="button" href={`${base}/nouveau`}>
            {def.label.new}
          </Link>
        </p>
      )}
      <form method="get" className="filters" role="search" aria-label={`Filtrer : ${def.label.many}`}>
        <div className="field">
          <label htmlFor="q">Rechercher dans les titres</label>
          <input id="q" name="q" type="search" defaultValue={query.q} />
        </div>
        {def.workflow && (
          <>
            <FilterSelect name="statut" label="État" options={toOptions(statusLabels)} value={query.statut} allLabel="Tous" />
            <FilterSelect
              name="auteur"
              label="Auteur"
              options={authors.map((a) => ({ value: String(a.id), label: a.name }))}
              value={query.auteur}
              allLabel="Tous"
            />
          </>
        )}
        <FilterSelect name="tri" label="Trier par" options={sortOptions} value={query.tri} />
        <button type="submit">Filtrer</button>
      </form>
      <p role="status">{plural(total, "résultat")}</p>
      {items.length > 0 && (
        <TableScroll label={def.label.many}>
          <table className="admin-table">
            <caption className="visually-hidden">{def.label.many}</caption>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                {def.workflow && <th scope="col">État</th>}
                {def.workflow && <th scope="col">Auteur</th>}
                <th scope="col">Modifié le</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link href={`${base}/${item.id}`}>{item.title}</Link>
                  </td>
                  {def.workflow && (
                    <td>
                      <StatusBadge status={item.status} />
                    </td>
                  )}
                  {def.workflow && <td>{item.author ?? "—"}</td>}
                  <td>{formatDate(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(p) => `${base}${queryString(query, p)}`} />
    </>
  );
}
