import Link from "next/link";
import { uploadSpreadsheet } from "@/app/admin/_actions/import";
import { SizeCheckedFileInput } from "@/components/admin/fields/SizeCheckedFileInput";
import { StateForm } from "@/components/admin/StateForm";
import { TableScroll } from "@/components/layout/TableScroll";
import { requirePageUser } from "@/lib/auth/guards";
import { formatDate, plural } from "@/lib/format/labels";
import { listImports } from "@/lib/import/service";
import { SHEET_MAX_BYTES, SHEET_MAX_LINES, SHEET_TOO_LARGE } from "@/lib/import/sheet";

export const metadata = { title: "Importer des initiatives" };

export default async function ImportPage() {
  const user = await requirePageUser("EDITOR");
  const { templates, files } = await listImports(user);
  return (
    <>
      <h1>Importer des initiatives</h1>
      <p>
        Déposez un tableur (.csv ou .xlsx, {SHEET_MAX_BYTES / 1024 / 1024} Mo et {SHEET_MAX_LINES.toLocaleString("fr-FR")} lignes au plus) :
        une initiative par ligne, le nom des colonnes sur la première. Vous indiquez ensuite à quel champ correspond chaque colonne, dont
        une colonne d&apos;identifiant (le numéro de la ligne dans votre suivi, par exemple), puis un essai à blanc montre ligne par ligne
        ce qui serait fait, sans rien enregistrer. L&apos;import crée des brouillons, à relire et publier comme les autres ; importer à
        nouveau le même fichier ne crée rien de plus.
      </p>
      <section className="panel" aria-labelledby="deposer">
        <h2 id="deposer">Déposer un fichier</h2>
        <StateForm action={uploadSpreadsheet} submitLabel="Lire le fichier">
          <div className="field">
            <label htmlFor="fichier">Fichier (.csv ou .xlsx)</label>
            <p className="hint" id="fichier-aide">
              CSV séparé par des points-virgules ou des virgules, en UTF-8 ou Windows-1252 (ce qu&apos;enregistre Excel). Plusieurs valeurs
              dans une cellule : séparez-les par des points-virgules ou des retours à la ligne.
            </p>
            <SizeCheckedFileInput
              id="fichier"
              name="fichier"
              accept=".csv,.xlsx,text/csv"
              required
              aria-describedby="fichier-aide"
              maxBytes={SHEET_MAX_BYTES}
              tooLarge={SHEET_TOO_LARGE}
            />
          </div>
        </StateForm>
      </section>
      <section aria-labelledby="fichiers">
        <h2 id="fichiers">Fichiers récents</h2>
        {files.length === 0 ? (
          <p>Aucun fichier déposé.</p>
        ) : (
          <ul>
            {files.map((file) => (
              <li key={file.id}>
                <Link href={`/admin/import/${file.id}`}>{file.fileName}</Link>, déposé le {formatDate(file.createdAt)}
                {file.template && ` (modèle « ${file.template.name} »)`} —{" "}
                {file.importedAt ? `importé le ${formatDate(file.importedAt)}` : "pas encore importé"}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="modeles">
        <h2 id="modeles">Modèles d&apos;import</h2>
        {templates.length === 0 ? (
          <p>Aucun modèle : le premier est enregistré avec la correspondance des colonnes de votre premier fichier.</p>
        ) : (
          <TableScroll label="Modèles d'import">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Modèle</th>
                  <th scope="col">Colonnes lues</th>
                  <th scope="col">Lignes importées</th>
                  <th scope="col">Modifié le</th>
                </tr>
              </thead>
              <tbody>
                {templates.map((template) => (
                  <tr key={template.id}>
                    <td>{template.name}</td>
                    <td>
                      {Object.keys(template.mapping as object)
                        .sort((a, b) => a.localeCompare(b, "fr"))
                        .join(", ")}
                    </td>
                    <td>{plural(template._count.rows, "ligne")}</td>
                    <td>{formatDate(template.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
