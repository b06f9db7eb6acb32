import { beginTotpSetup, changeOwnPassword, confirmTotpSetup, disableTotp, saveMailPreferences } from "@/app/admin/_actions/account";
import { NewPasswordFields } from "@/components/admin/NewPasswordFields";
import { StateForm } from "@/components/admin/StateForm";
import { ownAccount } from "@/lib/admin/users";
import { requirePageUser, serverRequiresSecondFactor } from "@/lib/auth/guards";
import { hasRole, roleLabels } from "@/lib/auth/roles";
import { MAIL_NOTIFICATIONS, notificationsFor } from "@/lib/mail/preferences";

export const metadata = { title: "Mon compte" };

export default async function AccountPage() {
  await requirePageUser("CONTRIBUTOR", { allowMissingSecondFactor: true });
  const account = await ownAccount();

  return (
    <>
      <h1>Mon compte</h1>
      <p>
        {account.name} · {account.email} · {roleLabels[account.role]}
      </p>
      {serverRequiresSecondFactor() && hasRole(account.role, "EDITOR") && !account.totpEnabledAt && (
        <p className="error-summary" role="alert">
          La double authentification est obligatoire pour les administrateurs et les éditeurs : activez-la ci-dessous pour accéder au reste
          de l&apos;espace.
        </p>
      )}

      <h2>Changer mon mot de passe</h2>
      <StateForm
        action={changeOwnPassword}
        submitLabel="Changer le mot de passe"
        labels={{ current: "Mot de passe actuel", password: "Nouveau mot de passe", confirm: "Confirmation" }}
      >
        <div className="field">
          <label htmlFor="current">Mot de passe actuel</label>
          <input id="current" name="current" type="password" autoComplete="current-password" required />
        </div>
        <NewPasswordFields label="Nouveau mot de passe" />
      </StateForm>

      <h2>Messages reçus</h2>
      <StateForm action={saveMailPreferences} submitLabel="Enregistrer mes choix" labels={{ receive: "Messages reçus" }} keepValues>
        <fieldset className="field" aria-describedby="receive-hint">
          <legend>M&apos;écrire quand…</legend>
          <p className="hint" id="receive-hint">
            Les messages de sécurité (invitation, réinitialisation du mot de passe) sont toujours envoyés.
          </p>
          <ul className="checkbox-list" id="receive">
            {notificationsFor(account.role).map((key) => (
              <li key={key}>
                <input
                  id={`receive-${key}`}
                  name="receive"
                  type="checkbox"
                  value={key}
                  defaultChecked={!account.mailOptOuts.includes(key)}
                />
                <label htmlFor={`receive-${key}`}>{MAIL_NOTIFICATIONS[key].label}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      </StateForm>

      <h2>Double authentification</h2>
      {account.totpEnabledAt ? (
        <>
          <p>Activée. Codes de secours restants : {account.recoveryCodesLeft}.</p>
          <h3>Changer d&apos;application</h3>
          <p>L&apos;application actuelle reste valable jusqu&apos;à ce que la nouvelle soit confirmée.</p>
          <StateForm action={beginTotpSetup} submitLabel="1. Générer une nouvelle clé">
            {null}
          </StateForm>
          <StateForm
            action={confirmTotpSetup}
            submitLabel="2. Remplacer"
            labels={{ current: "Mot de passe ou code actuel", code: "Code de la nouvelle application" }}
          >
            <CurrentCredentialField id="totp-replace-current" />
            <div className="field">
              <label htmlFor="code">Code affiché par la nouvelle application</label>
              <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </div>
          </StateForm>
          <h3>Désactiver</h3>
          <StateForm
            action={disableTotp}
            submitLabel="Désactiver la double authentification"
            labels={{ current: "Mot de passe ou code actuel" }}
          >
            <CurrentCredentialField id="totp-disable-current" />
          </StateForm>
        </>
      ) : (
        <>
          <p>Protégez votre compte avec un code à 6 chiffres donné par une application (FreeOTP, Aegis, Google Authenticator…).</p>
          <StateForm action={beginTotpSetup} submitLabel="1. Générer une clé">
            {null}
          </StateForm>
          <StateForm action={confirmTotpSetup} submitLabel="2. Activer" labels={{ code: "Code" }}>
            <div className="field">
              <label htmlFor="code">Code affiché par l&apos;application</label>
              <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </div>
          </StateForm>
        </>
      )}
    </>
  );
}

/** Proof that the person at the keyboard holds the account: its password, or a code of the current factor. */
function CurrentCredentialField({ id }: { id: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>Mot de passe, ou code de l&apos;application actuelle</label>
      <input id={id} name="current" type="password" autoComplete="current-password" required />
    </div>
  );
}
