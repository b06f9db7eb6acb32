import type { Metadata } from "next";
import Link from "next/link";
import { choosePassword } from "@/app/connexion/actions";
import { NewPasswordFields } from "@/components/admin/NewPasswordFields";
import { StateForm } from "@/components/admin/StateForm";
import { tokenIsUsable } from "@/lib/accounts/public-tokens";

export const metadata: Metadata = { title: "Choisir un mot de passe", robots: { index: false }, referrer: "no-referrer" };

export default async function ChoosePasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).jeton;
  const token = typeof raw === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(raw) ? raw : null;
  const usable = token ? await tokenIsUsable(token) : false;
  return (
    <div className="container narrow">
      <h1>Choisir un mot de passe</h1>
      {!usable ? (
        <p>
          Ce lien n&apos;est plus valable (déjà utilisé ou expiré).{" "}
          <Link href="/connexion/mot-de-passe-oublie">Demander un nouveau lien</Link> ou <Link href="/connexion">se connecter</Link>.
        </p>
      ) : (
        <StateForm
          action={choosePassword}
          submitLabel="Enregistrer mon mot de passe"
          labels={{ password: "Mot de passe", confirm: "Confirmation" }}
        >
          <input type="hidden" name="token" value={token!} />
          <NewPasswordFields />
        </StateForm>
      )}
    </div>
  );
}
