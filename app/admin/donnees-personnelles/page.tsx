import Link from "next/link";
import { erasePersonalData } from "@/app/admin/_actions/personal-data";
import { ActionButton } from "@/components/admin/ActionButton";
import { requirePageUser } from "@/lib/auth/guards";
import { plural } from "@/lib/format/labels";
import type { HeldValue } from "@/lib/personal-data/holder";
import { ERASE_CONFIRMATION, personalDataRequestSchema, readPersonalData } from "@/lib/personal-data/requests";

export const metadata = { title: "Données personnelles" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Holders give ISO dates (the export keeps them exact); the page reads them in French. */
function shown(value: HeldValue): string {
  if (value === null || value === "") return "—";
  if (typeof value === "string" && ISO_DATE.test(value)) return dateTime.format(new Date(value));
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  return String(value);
}

export default async function PersonalDataPage({ searchParams }: Props) {
  await requirePageUser("ADMIN");
  const raw = await searchParams;
  const typed = first(raw.adresse);
  const request = typed === undefined ? null : personalDataRequestSchema.safeParse({ adresse: typed });
  const email = request?.success ? request.data.adresse : null;
  const sections = email ? await readPersonalData(email) : [];
  const total = sections.reduce((sum, section) => sum + section.records.length, 0);

  return (
    <>
      <h1>Données personnelles d&apos;une personne</h1>
      <p>
        Quand une personne demande ce que Repères garde sur elle, ou d&apos;être oubliée : cherchez son adresse e-mail, téléchargez
        l&apos;export pour le lui envoyer, puis effacez si elle le demande. Le journal note chaque export et chaque effacement, sans
        l&apos;adresse ni les données.
      </p>
      <form method="get" className="stack form-narrow" noValidate>
        {request && !request.success && (
          <div className="error-summary" role="alert">
            <p>
              <a href="#adresse">{request.error.issues[0]?.message}</a>
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor="adresse">Adresse e-mail de la personne</label>
          <input
            id="adresse"
            name="adresse"
            type="email"
            autoComplete="off"
            defaultValue={typed ?? ""}
            aria-invalid={request && !request.success ? true : undefined}
          />
        </div>
        <p>
          <button type="submit">Chercher</button>
        </p>
      </form>

      {email && (
        <>
          {first(raw.efface) === "1" && (
            <div className="notice" role="status">
              <p>
                Effacement fait. Ce qui reste ci-dessous n&apos;est pas effacé d&apos;ici, pour la raison indiquée (une fiche à la corbeille
                ou qui ne passe plus les contrôles garde son contact : ouvrez-la).
              </p>
            </div>
          )}
          <h2>Ce que Repères garde sur {email}</h2>
          <p role="status">
            {total === 0 ? "Rien : aucune donnée liée à cette adresse." : plural(total, "élément trouvé", "éléments trouvés")}
          </p>
          {sections.map((section) => (
            <section key={section.key} aria-labelledby={`section-${section.key}`}>
              <h3 id={`section-${section.key}`}>
                {section.label} ({section.records.length})
              </h3>
              <p className="hint">{section.purpose}</p>
              {section.records.length > 0 && section.notErased && <p>{section.notErased}</p>}
              {section.records.map((record, index) => (
                <div key={`${record.ref}-${index}`} className="card">
                  <h4>{record.href ? <Link href={record.href}>{record.ref}</Link> : record.ref}</h4>
                  <dl className="held-facts">
                    {Object.entries(record.data).map(([label, value]) => (
                      <div key={label}>
                        <dt>{label}</dt>
                        <dd className="pre-wrap">{shown(value)}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
              ))}
            </section>
          ))}

          <h2>Exporter</h2>
          <form method="post" action="/admin/donnees-personnelles/export.json">
            <input type="hidden" name="adresse" value={email} />
            <button type="submit" className="button--secondary">
              Télécharger l&apos;export (JSON)
            </button>
          </form>

          <h2>Effacer</h2>
          <p>
            Supprime les propositions et les sélections suivies de la personne, retire son nom et son adresse des fiches qui la nomment
            comme contact (une nouvelle version de chaque fiche, et ses anciennes versions sont nettoyées) et retire ses courriels de la
            file d&apos;envoi. Un compte de l&apos;équipe n&apos;est pas effacé d&apos;ici. Irréversible : téléchargez l&apos;export avant.
          </p>
          <ActionButton action={erasePersonalData} fields={{ adresse: email }} label="Effacer ses données" variant="danger">
            <div className="field">
              <label htmlFor="confirm">Tapez {ERASE_CONFIRMATION} pour confirmer</label>
              <input id="confirm" name="confirm" autoComplete="off" required />
            </div>
          </ActionButton>
        </>
      )}
    </>
  );
}
