import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

/** New password and its confirmation, with the rule said once (names: password, confirm). */
export function NewPasswordFields({ label = "Mot de passe" }: { label?: string }) {
  return (
    <>
      <div className="field">
        <label htmlFor="password">{label}</label>
        <p className="hint" id="password-hint">
          Au moins {PASSWORD_MIN_LENGTH} caractères, sans autre contrainte : une phrase facile à retenir convient. Les mots de passe trop
          courants sont refusés.
        </p>
        <input id="password" name="password" type="password" autoComplete="new-password" required aria-describedby="password-hint" />
      </div>
      <div className="field">
        <label htmlFor="confirm">Confirmez le {label.toLowerCase()}</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </div>
    </>
  );
}
