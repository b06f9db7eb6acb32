import Link from "next/link";
import { TableScroll } from "@/components/layout/TableScroll";
import { parseInsightMonth, searchInsightsOf } from "@/lib/admin/search-insights";
import { requirePageUser } from "@/lib/auth/guards";
import { plural } from "@/lib/format/labels";
import type { InsightLine, QueryLine } from "@/lib/search/insights";

export const metadata = { title: "Recherches du public" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const monthName = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

function Figures({
  id,
  title,
  empty,
  column,
  lines,
  create,
}: {
  id: string;
  title: string;
  empty: string;
  column: string;
  lines: (InsightLine | QueryLine)[];
  create?: boolean;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lines.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <TableScroll label={title}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{column}</th>
                <th scope="col">Recherches</th>
                {create && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.label}>
                  <td>{line.label}</td>
                  <td>{line.count.toLocaleString("fr-FR")}</td>
                  {create && (
                    <td>
                      <Link
                        href={`/admin/initiatives/nouveau?${new URLSearchParams({ titre: line.label })}`}
                        aria-label={`Créer une initiative « ${line.label} »`}
                      >
                        Créer une initiative
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export default async function SearchInsightsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("CONTRIBUTOR");
  const month = parseInsightMonth((await searchParams).mois);
  const insights = await searchInsightsOf(month);
  return (
    <>
      <h1>Recherches du public</h1>
      <p>
        Ce que les visiteurs ont cherché sur les pages Initiatives et Recherche, compté par mois, sans rien qui les identifie : pour savoir
        quels contenus chercher ensuite. Les mots sont enregistrés sans accents ni majuscules ; ceux qui ressemblent à une adresse
        électronique ou à un numéro de téléphone ne le sont pas. Les 24 derniers mois sont conservés.
      </p>
      <form method="get" action="/admin/recherches" className="filter-row">
        <div className="field">
          <label htmlFor="mois">Mois</label>
          <input id="mois" name="mois" type="month" defaultValue={month} required />
        </div>
        <p>
          <button type="submit">Afficher</button>
        </p>
      </form>
      <p role="status">
        {monthName.format(new Date(`${month}-01T00:00:00Z`))} :{" "}
        {insights.total === 0 ? "aucune recherche comptée." : `${plural(insights.total, "recherche comptée", "recherches comptées")}.`}
      </p>
      <Figures
        id="none"
        title="Recherches sans résultat"
        column="Mots cherchés"
        empty="Aucune recherche sans résultat ce mois-ci."
        lines={insights.none}
        create
      />
      <Figures
        id="few"
        title="Recherches avec peu de résultats (1 à 5)"
        column="Mots cherchés"
        empty="Aucune recherche avec peu de résultats ce mois-ci."
        lines={insights.few}
      />
      <Figures id="places" title="Lieux les plus demandés" column="Lieu" empty="Aucun lieu choisi ce mois-ci." lines={insights.places} />
      <Figures
        id="approaches"
        title="Approches les plus demandées"
        column="Approche"
        empty="Aucune approche choisie ce mois-ci."
        lines={insights.approaches}
      />
    </>
  );
}
