import Link from "next/link";
import { notFound } from "next/navigation";
import { importSpreadsheet, saveImportMapping } from "@/app/admin/_actions/import";
import { StateForm } from "@/components/admin/StateForm";
import { TableScroll } from "@/components/layout/TableScroll";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { requirePageUser } from "@/lib/auth/guards";
import { formatDate, plural } from "@/lib/format/labels";
import { IMPORT_FIELDS } from "@/lib/import/fields";
import { getImport, type ImportReport, type LineOutcome } from "@/lib/import/service";
import { recordId } from "@/lib/validation/integer";

export const metadata = { title: "Import d'un tableur" };

type Props = { params: Promise<{ id: string }> };

/** Each outcome's words, one line and several. */
const planned: Record<LineOutcome, [string, string]> = {
  create: ["à créer", "à créer"],
  update: ["à mettre à jour", "à mettre à jour"],
  unchanged: ["déjà importée", "déjà importées"],
  kept: ["non écrasée", "non écrasées"],
  error: ["en erreur", "en erreur"],
};
const done: Record<LineOutcome, [string, string]> = { ...planned, create: ["créée", "créées"], update: ["mise à jour", "mises à jour"] };

function Report({ report, imported }: { report: ImportReport; imported: boolean }) {
  const labels = imported ? done : planned;
  const summary = (Object.keys(labels) as LineOutcome[])
    .filter((outcome) => report.counts[outcome] > 0)
    .map((outcome) => `${report.counts[outcome]} ${labels[outcome][report.counts[outcome] > 1 ? 1 : 0]}`)
    .join(", ");
  return (
    <>
      <p>
        {plural(report.lines.length, "ligne")} : {summary}.
      </p>
      <TableScroll label={imported ? "Rapport de l'import" : "Essai à blanc, ligne par ligne"}>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Identifiant</th>
              <th scope="col">Titre</th>
              <th scope="col">Résultat</th>
              <th scope="col">Détails</th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((line) => (
              <tr key={line.line}>
                <td>{line.line}</td>
                <td>{line.externalId}</td>
                <td>
                  {imported && line.initiativeId ? <Link href={`/admin/initiatives/${line.initiativeId}`}>{line.title}</Link> : line.title}
                </td>
                <td>{labels[line.outcome][0]}</td>
                <td>
                  {line.reasons.length + line.unmatched.length > 0 && (
                    <ul>
                      {line.reasons.map((reason, index) => (
                        <li key={`raison-${index}`}>{reason}</li>
                      ))}
                      {line.unmatched.map((value, index) => (
                        <li key={`valeur-${index}`}>Non reconnu, ignoré : {value}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

const mappingLabels = { templateName: "Nom du modèle", columns: "Colonnes du fichier" };

export default async function ImportFilePage({ params }: Props) {
  const user = await requirePageUser("EDITOR");
  const id = recordId.safeParse((await params).id);
  if (!id.success) notFound();
  const view = await getImport(user, id.data);
  if (!view) notFound();
  return (
    <>
      <Breadcrumb root={null} trail={[{ href: "/admin/import", label: "Importer des initiatives" }]} current={view.fileName} />
      <h1>Import de « {view.fileName} »</h1>
      <dl className="facts">
        <dt>Déposé le</dt>
        <dd>{formatDate(view.createdAt)}</dd>
        <dt>Modèle</dt>
        <dd>{view.template?.name ?? "aucun pour l'instant"}</dd>
        {view.importedAt && (
          <>
            <dt>Importé le</dt>
            <dd>{formatDate(view.importedAt)}</dd>
          </>
        )}
      </dl>
      {view.importedAt && view.report ? (
        <section aria-labelledby="rapport">
          <h2 id="rapport">Rapport de l&apos;import</h2>
          <p>
            Les initiatives créées sont des brouillons : <Link href="/admin/initiatives?statut=DRAFT">voir les brouillons</Link>.
          </p>
          <Report report={view.report} imported />
        </section>
      ) : (
        <>
          <section className="panel" aria-labelledby="correspondance">
            <h2 id="correspondance">1. Correspondance des colonnes</h2>
            <p>
              {plural(view.lineCount, "ligne")} de données. Choisissez le champ de chaque colonne (ou « Ignorer ») ; la correspondance est
              enregistrée sous le nom du modèle et proposée d&apos;office pour le prochain fichier aux mêmes colonnes. L&apos;identifiant
              externe est propre au modèle : c&apos;est lui qui reconnaît une ligne déjà importée.
            </p>
            <StateForm action={saveImportMapping} submitLabel="Enregistrer et lancer l'essai à blanc" labels={mappingLabels} keepValues>
              <input type="hidden" name="id" value={view.id} />
              <div className="field">
                <label htmlFor="templateName">Nom du modèle</label>
                <input
                  id="templateName"
                  name="templateName"
                  type="text"
                  maxLength={100}
                  required
                  defaultValue={view.template?.name ?? view.fileName.replace(/\.[^.]+$/, "")}
                />
              </div>
              <fieldset className="field" id="columns">
                <legend>Colonnes du fichier</legend>
                {view.columns.map((column, index) => (
                  <div className="field" key={column.header}>
                    <label htmlFor={`colonne-${index}`}>{column.header}</label>
                    {column.example && (
                      <p className="hint" id={`colonne-${index}-exemple`}>
                        Ex. : {column.example.length > 80 ? `${column.example.slice(0, 80)}…` : column.example}
                      </p>
                    )}
                    <select
                      id={`colonne-${index}`}
                      name="colonne"
                      defaultValue={column.field}
                      aria-describedby={column.example ? `colonne-${index}-exemple` : undefined}
                    >
                      <option value="">Ignorer</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field.key} value={field.key}>
                          {field.label}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </fieldset>
            </StateForm>
          </section>
          {view.report && (
            <section aria-labelledby="essai">
              <h2 id="essai">2. Essai à blanc</h2>
              <p>
                Rien n&apos;est encore enregistré. Les valeurs non reconnues sont ignorées ; les lignes en erreur empêchent l&apos;import.
              </p>
              <Report report={view.report} imported={false} />
              <h2 id="importer">3. Importer</h2>
              {view.report.counts.error > 0 ? (
                <p>
                  Corrigez les lignes en erreur dans le fichier, puis <Link href="/admin/import">déposez-le à nouveau</Link> : l&apos;import
                  enregistre toutes les lignes ou aucune.
                </p>
              ) : view.report.counts.create + view.report.counts.update === 0 ? (
                <p>Rien à importer : toutes les lignes sont déjà importées ou non écrasées.</p>
              ) : (
                <StateForm action={importSpreadsheet} submitLabel="Importer">
                  <input type="hidden" name="id" value={view.id} />
                  <p>
                    {plural(view.report.counts.create, "brouillon")} à créer, {view.report.counts.update} à mettre à jour, en une seule
                    fois.
                  </p>
                </StateForm>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
