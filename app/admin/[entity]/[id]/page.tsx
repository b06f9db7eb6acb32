import Link from "next/link";
import { Fragment } from "react";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { notFound } from "next/navigation";
import { changeStatus, markAsVerified, moveToTrash } from "@/app/admin/_actions/editorial";
import { ActionButton } from "@/components/admin/ActionButton";
import { EntityForm } from "@/components/admin/EntityForm";
import { StatusBadge } from "@/components/admin/StatusBadge";
import { recordForEdit } from "@/lib/admin/records";
import { auditActionLabels } from "@/lib/audit/log";
import { requirePageUser } from "@/lib/auth/guards";
import { transitions } from "@/lib/editorial/permissions";
import { definitionByPath } from "@/lib/editorial/registry";
import { formatDate } from "@/lib/format/labels";
import { env } from "@/lib/config/env";
import { ACCEPTED_EXTENSIONS } from "@/lib/uploads/sniff";

type Props = {
  params: Promise<{ entity: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const uploadMessages: Record<string, string> = {
  ok: "Document déposé.",
  empty: "Choisissez un fichier non vide.",
  too_large: "Ce fichier est trop volumineux.",
  quota: "Vos documents déposés atteignent le volume autorisé par personne : retirez-en ou demandez à un administrateur.",
  bad_type:
    "Type de fichier refusé : seuls les PDF, images et documents bureautiques sont acceptés (vérifié d'après le contenu, pas seulement l'extension).",
  gone: "Cette source n'existe plus.",
};

const uploadLimitMb = () => env().UPLOAD_MAX_MB;

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

async function load(props: Props) {
  const { entity, id } = await props.params;
  const def = definitionByPath(entity);
  if (!def || !/^\d{1,9}$/.test(id)) notFound();
  await requirePageUser("CONTRIBUTOR");
  const record = await recordForEdit(def, Number(id));
  if (!record) notFound();
  return { def, record };
}

export async function generateMetadata(props: Props) {
  const { entity, id } = await props.params;
  const def = definitionByPath(entity);
  return { title: def ? `${def.label.one} n° ${id}` : "Page introuvable" };
}

export default async function EditEntityPage(props: Props) {
  const { def, record } = await load(props);
  const { meta, can } = record;
  const search = await props.searchParams;
  const publicPath = meta.status === "PUBLISHED" && !meta.deletedAt ? def.publicPath(meta.slug) : null;
  const fields = { entity: def.path, id: meta.id };
  return (
    <>
      <Breadcrumb root={null} trail={[{ href: `/admin/${def.path}`, label: def.label.many }]} current={meta.title} />
      <h1>{meta.title}</h1>
      {(search.cree || search.enregistre) && (
        <p className="notice" role="status">
          {search.cree ? "Brouillon créé." : "Modifications enregistrées."} Version {meta.version}.
        </p>
      )}
      {meta.deletedAt && (
        <p className="error-summary" role="status">
          Cet élément est dans la corbeille depuis le {formatDate(meta.deletedAt)} : il n&apos;est visible nulle part.{" "}
          <Link href="/admin/corbeille">Aller à la corbeille</Link>
        </p>
      )}

      <div className="record-panel panel">
        <dl className="facts">
          {meta.status && (
            <>
              <dt>État</dt>
              <dd>
                <StatusBadge status={meta.status} />
              </dd>
            </>
          )}
          <dt>Version</dt>
          <dd>
            {meta.version} · <Link href={`/admin/${def.path}/${meta.id}/historique`}>Historique des versions</Link>
          </dd>
          {record.author && (
            <>
              <dt>Créé par</dt>
              <dd>{record.author}</dd>
            </>
          )}
          {def.verifiable && (
            <>
              <dt>Vérifié</dt>
              <dd>{meta.lastVerifiedAt ? `le ${formatDate(meta.lastVerifiedAt)}` : "jamais"}</dd>
            </>
          )}
          {record.facts.map((fact) => (
            <Fragment key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </Fragment>
          ))}
          {publicPath && (
            <>
              <dt>Page publique</dt>
              <dd>
                <Link href={publicPath}>{publicPath}</Link>
              </dd>
            </>
          )}
        </dl>
        <div className="record-actions">
          {can.transitions.map((name) => (
            <ActionButton
              key={name}
              action={changeStatus}
              fields={{ ...fields, transition: name }}
              label={transitions[name].label}
              variant={name === "publish" || name === "submit" ? "primary" : "secondary"}
            />
          ))}
          {can.verify && <ActionButton action={markAsVerified} fields={fields} label="Marquer comme vérifié" variant="secondary" />}
          {can.trash && <ActionButton action={moveToTrash} fields={fields} label="Mettre à la corbeille" variant="danger" />}
        </div>
        {record.history.length > 0 && (
          <details>
            <summary>Circuit de publication</summary>
            <ul>
              {record.history.map((event) => (
                <li key={String(event.id)}>
                  {auditActionLabels[event.action] ?? event.action} — {event.user?.name ?? "inconnu"}, {dateTime.format(event.at)}
                  {typeof (event.details as { comment?: string } | null)?.comment === "string" &&
                    ` : « ${(event.details as { comment: string }).comment} »`}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>

      {def.model === "source" && (
        <section aria-labelledby="file-title" className="panel">
          <h2 id="file-title">Document</h2>
          {typeof search.fichier === "string" && (
            <p className={search.fichier === "ok" ? "notice" : "error-summary"} role={search.fichier === "ok" ? "status" : "alert"}>
              {uploadMessages[search.fichier] ?? uploadMessages.bad_type}
            </p>
          )}
          {record.file ? (
            <p>
              <a href={`/fichiers/${record.file.fileKey}`}>{record.file.fileName}</a> ({record.file.fileType},{" "}
              {Math.ceil((record.file.fileSize ?? 0) / 1024)} Ko)
            </p>
          ) : (
            <p>Aucun document déposé.</p>
          )}
          {can.edit && (
            <form method="post" action={`/api/admin/sources/${meta.id}/fichier`} encType="multipart/form-data" className="upload-form">
              <label htmlFor="file">{record.file ? "Remplacer le document" : "Déposer un document"}</label>
              <p className="hint" id="file-hint">
                PDF, image (PNG, JPEG, GIF, WebP) ou document bureautique (Word, Excel, PowerPoint, OpenDocument), {uploadLimitMb()} Mo au
                plus. Le type est vérifié d&apos;après le contenu du fichier.
              </p>
              <input
                id="file"
                name="file"
                type="file"
                required
                aria-describedby="file-hint"
                accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",")}
              />
              <button type="submit">Déposer</button>
            </form>
          )}
        </section>
      )}

      {can.edit ? (
        <EntityForm
          key={meta.version}
          entity={def.path}
          id={meta.id}
          version={meta.version}
          fields={def.fields}
          options={record.options}
          values={record.values}
          territoryLabels={record.territoryLabels}
          submitLabel="Enregistrer"
        />
      ) : (
        <p className="notice">
          {meta.deletedAt
            ? "Restaurez-le depuis la corbeille pour le modifier."
            : "Vous pouvez consulter cet élément mais pas le modifier : seuls ses auteurs (tant qu'il est en brouillon) et les éditeurs le peuvent."}
        </p>
      )}
    </>
  );
}
