import Link from "next/link";
import { z } from "zod";
import { TableScroll } from "@/components/layout/TableScroll";
import { requirePageUser } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format/labels";
import { correctionEntry, entryLabel } from "@/lib/proposals/entries";
import { proposalKindLabels, proposalStatusLabels } from "@/lib/proposals/labels";
import { listProposals, proposalPath } from "@/lib/proposals/moderation";

export const metadata = { title: "Propositions reçues" };

const queueParam = z.enum(["a-traiter", "traitees"]).catch("a-traiter");

type Props = { searchParams: Promise<{ file?: string | string[] }> };

export default async function ProposalsPage({ searchParams }: Props) {
  const user = await requirePageUser("EDITOR");
  const queue = queueParam.parse((await searchParams).file);
  const rows = await listProposals(user, queue);
  return (
    <>
      <h1>Propositions reçues</h1>
      <p>
        Ce que les visiteurs proposent ou signalent depuis le site public. Rien n&apos;en est publié : accepter une nouvelle initiative crée
        un brouillon, accepter une correction mène à la fiche à modifier.
      </p>
      <nav aria-label="Files de propositions">
        <ul>
          <li>
            {queue === "a-traiter" ? <strong aria-current="page">À traiter</strong> : <Link href="/admin/propositions">À traiter</Link>}
          </li>
          <li>
            {queue === "traitees" ? (
              <strong aria-current="page">Traitées</strong>
            ) : (
              <Link href="/admin/propositions?file=traitees">Traitées</Link>
            )}
          </li>
        </ul>
      </nav>
      <p role="status">
        {rows.length === 0
          ? queue === "a-traiter"
            ? "Aucune proposition à traiter."
            : "Aucune proposition traitée."
          : `${rows.length} proposition(s)${queue === "a-traiter" ? " à traiter, les plus anciennes d'abord" : " traitées, les plus récentes d'abord"}.`}
      </p>
      {rows.length > 0 && (
        <TableScroll label="Propositions">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Proposition</th>
                <th scope="col">Type</th>
                <th scope="col">Reçue le</th>
                <th scope="col">État</th>
                <th scope="col">Suivie par</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={proposalPath(row.id)}>
                      n° {row.id} — {row.kind === "NEW" ? row.title : `à propos de ${entryLabel(correctionEntry(row))}`}
                    </Link>
                  </td>
                  <td>{proposalKindLabels[row.kind]}</td>
                  <td>{formatDate(row.createdAt)}</td>
                  <td>
                    {proposalStatusLabels[row.status]}
                    {row.decidedAt && ` le ${formatDate(row.decidedAt)}`}
                  </td>
                  <td>{row.assignee?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
