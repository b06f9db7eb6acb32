import type { Metadata } from "next";
import Link from "next/link";
import { choosePassword } from "@/app/connexion/actions";
import { StateForm } from "@/components/admin/StateForm";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { tokenIsUsable } from "@/lib/accounts/public-tokens";

export const metadata: Metadata = { title: "Choisir un mot de passe", robots: { index: false }, referrer: "no-referrer" };

export default async function ChoosePasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).jeton;
  const token = typeof raw === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(raw) ? raw : null;
  const usable = token ? await tokenIsUsable(token) : false;
  return (
    <div className="container narrow">
      <h1>Choisir un mot de passe</h1>
      {!usable ? (
        <p>
          Ce lien n&apos;est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau à un administrateur. <Link href="/connexion">Se connecter</Link>
        </p>
      ) : (
        <StateForm action={choosePassword} submitLabel="Enregistrer mon mot de passe" labels={{ password: "Mot de passe", confirm: "Confirmation" }}>
          <input type="hidden" name="token" value={token!} />
          <div className="field">
            <label htmlFor="password">Mot de passe</label>
            <p className="hint" id="password-hint">
              Au moins {PASSWORD_MIN_LENGTH} caractères, sans autre contrainte : une phrase facile à retenir convient. Les mots de passe trop courants sont refusés.
            </p>
            <input id="password" name="password" type="password" autoComplete="new-password" required aria-describedby="password-hint" />
          </div>
          <div className="field">
            <label htmlFor="confirm">Confirmez le mot de passe</label>
            <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
          </div>
        </StateForm>
      )}
    </div>
  );
}
