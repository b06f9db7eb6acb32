import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/SignInForm";
import { currentUser } from "@/lib/auth/current-user";
import { localPath } from "@/lib/http/local-path";

export const metadata: Metadata = { title: "Connexion à l'espace équipe", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only a local path: an open redirect after sign-in would help phishing.
  const callbackUrl = localPath(params.callbackUrl, "/admin");
  if (await currentUser()) redirect(callbackUrl);
  return (
    <div className="container narrow">
      <h1>Connexion à l&apos;espace équipe</h1>
      <p>Réservé à l&apos;équipe de l&apos;IREV et aux contributeurs invités.</p>
      {params.session === "expiree" && (
        <p className="notice" role="status">
          Votre session a pris fin. Connectez-vous à nouveau.
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <p>
        <Link href="/connexion/mot-de-passe-oublie">Mot de passe oublié ?</Link>
      </p>
    </div>
  );
}
