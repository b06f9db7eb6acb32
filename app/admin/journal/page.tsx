import { FilterSelect, toOptions } from "@/components/forms/FilterSelect";
import { Pagination } from "@/components/navigation/Pagination";
import { journalQuerySchema, readJournal } from "@/lib/admin/journal";
import { auditActionLabels } from "@/lib/audit/log";
import { requirePageUser } from "@/lib/auth/guards";
import { definitionByType } from "@/lib/editorial/registry";
import { plural } from "@/lib/format/labels";
import { TableScroll } from "@/components/layout/TableScroll";

export const metadata = { title: "Journal" };

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
const entityLabels: Record<string, string> = {
  INITIATIVE: "Initiative",
  ACTOR: "Acteur",
  LESSON: "Enseignement",
  SOURCE: "Source",
  THEME: "Thème",
  APPROACH: "Approche",
  CRITERION: "Critère",
  DOMAIN: "Domaine",
  PUBLIC: "Public",
  TERRITORY: "Territoire",
  USER: "Utilisateur",
  PROPOSAL: "Proposition",
};

export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("ADMIN");
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const query = journalQuerySchema.parse(
    Object.fromEntries(["utilisateur", "action", "type", "du", "au", "page"].map((k) => [k, first(raw[k]) || (k === "page" ? "1" : "")])),
  );
  const { events, total, users, pageCount } = await readJournal(query);
  const params = (page: number) => {
    const p = new URLSearchParams(
      Object.entries({ ...query, page: String(page) }).filter(([, v]) => v !== "" && v !== "1") as [string, string][],
    );
    return `/admin/journal${p.size ? `?${p}` : ""}`;
  };
  return (
    <>
      <h1>Journal</h1>
      <p>Qui a fait quoi, et quand. Le journal ne peut être ni modifié ni effacé depuis l&apos;application.</p>
      <form method="get" className="filters" aria-label="Filtrer le journal">
        <FilterSelect
          name="utilisateur"
          label="Utilisateur"
          options={users.map((u) => ({ value: String(u.id), label: u.name }))}
          value={query.utilisateur}
          allLabel="Tous"
        />
        <FilterSelect name="action" label="Action" options={toOptions(auditActionLabels)} value={query.action} allLabel="Toutes" />
        <FilterSelect name="type" label="Type" options={toOptions(entityLabels)} value={query.type} allLabel="Tous" />
        <div className="field">
          <label htmlFor="du">Du</label>
          <input id="du" name="du" type="date" defaultValue={query.du} />
        </div>
        <div className="field">
          <label htmlFor="au">Au</label>
          <input id="au" name="au" type="date" defaultValue={query.au} />
        </div>
        <button type="submit">Filtrer</button>
      </form>
      <p role="status">{plural(total, "événement")}</p>
      <TableScroll label="Journal des événements">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Utilisateur</th>
              <th scope="col">Action</th>
              <th scope="col">Élément</th>
              <th scope="col">Adresse IP</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => {
              const def = event.entityType ? definitionByType(event.entityType) : undefined;
              const href =
                event.entityId &&
                (def
                  ? `/admin/${def.path}/${event.entityId}`
                  : event.entityType === "PROPOSAL"
                    ? `/admin/propositions/${event.entityId}`
                    : null);
              const email = (event.details as { email?: string } | null)?.email;
              return (
                <tr key={String(event.id)}>
                  <td>{dateTime.format(event.at)}</td>
                  <td>{event.user?.name ?? email ?? "—"}</td>
                  <td>{auditActionLabels[event.action] ?? event.action}</td>
                  <td>
                    {event.entityType ? (
                      href ? (
                        <a href={href}>
                          {entityLabels[event.entityType]} n° {event.entityId}
                        </a>
                      ) : (
                        `${entityLabels[event.entityType]} n° ${event.entityId ?? "?"}`
                      )
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{event.ip ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={query.page} pageCount={pageCount} hrefFor={params} />
    </>
  );
}
