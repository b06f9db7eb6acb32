import type { Metadata } from "next";
import Link from "next/link";
import { askPasswordReset } from "@/app/connexion/actions";
import { StateForm } from "@/components/admin/StateForm";

export const metadata: Metadata = { title: "Mot de passe oublié", robots: { index: false } };

export default function ForgottenPasswordPage() {
  return (
    <div className="container narrow">
      <h1>Mot de passe oublié</h1>
      <p>Indiquez l&apos;adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
      <StateForm action={askPasswordReset} submitLabel="Recevoir un lien" labels={{ email: "Adresse e-mail" }}>
        <div className="field">
          <label htmlFor="email">Adresse e-mail</label>
          <input id="email" name="email" type="email" required autoComplete="email" spellCheck={false} />
        </div>
      </StateForm>
      <p>
        <Link href="/connexion">Retour à la connexion</Link>
      </p>
    </div>
  );
}
