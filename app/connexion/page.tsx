import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/SignInForm";
import { currentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Connexion à l'espace équipe", robots: { index: false } };

/** Only a local path: an open redirect after sign-in would help phishing. */
function safeCallback(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.includes("\\") ? value : "/admin";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
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
    </div>
  );
}
