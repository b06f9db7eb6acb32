import { dropFailedMail, resendFailedMail } from "@/app/admin/_actions/mail";
import { ActionButton } from "@/components/admin/ActionButton";
import { TableScroll } from "@/components/layout/TableScroll";
import { readMailFailures } from "@/lib/admin/mail-failures";
import { requirePageUser } from "@/lib/auth/guards";
import { plural } from "@/lib/format/labels";

export const metadata = { title: "Courriels en échec" };

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

export default async function MailFailuresPage() {
  await requirePageUser("ADMIN");
  const failures = await readMailFailures();
  return (
    <>
      <h1>Courriels en échec</h1>
      <p>
        Les messages que le serveur d&apos;envoi a refusés ou n&apos;a pas pu recevoir, après six tentatives étalées sur un quart
        d&apos;heure à une demi-heure. Ils restent ici un mois. Après avoir corrigé la cause (adresse, configuration SMTP), renvoyez-les.
      </p>
      <p role="status">
        {failures.length === 0 ? "Aucun courriel en échec." : plural(failures.length, "courriel en échec", "courriels en échec")}
      </p>
      {failures.length > 0 && (
        <TableScroll label="Courriels en échec">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Dernier essai</th>
                <th scope="col">Destinataire</th>
                <th scope="col">Objet</th>
                <th scope="col">Erreur</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {failures.map((failure) => (
                <tr key={failure.id}>
                  <td>{dateTime.format(failure.failedAt)}</td>
                  <td>{failure.to}</td>
                  <td>{failure.subject}</td>
                  <td>{failure.error}</td>
                  <td>
                    <ActionButton
                      action={resendFailedMail}
                      fields={{ id: failure.id }}
                      label={`Renvoyer « ${failure.subject} »`}
                      variant="secondary"
                    />
                    <ActionButton
                      action={dropFailedMail}
                      fields={{ id: failure.id }}
                      label={`Abandonner « ${failure.subject} »`}
                      variant="danger"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
