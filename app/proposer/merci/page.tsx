import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Message envoyé" };

type Props = { searchParams: Promise<{ fiche?: string | string[] }> };

/** After a proposal or a correction was stored. `fiche`: the initiative a correction was about. */
export default async function ThanksPage({ searchParams }: Props) {
  const fiche = (await searchParams).fiche;
  const slug = typeof fiche === "string" && /^[a-z0-9-]{1,200}$/.test(fiche) ? fiche : null;
  return (
    <div className="container prose">
      <h1>Merci, votre message est bien arrivé</h1>
      <p>
        L&apos;équipe de l&apos;IREV va le lire. Rien n&apos;est publié avant qu&apos;elle l&apos;ait accepté : une initiative proposée
        devient d&apos;abord un brouillon, relu et complété avant publication ; une correction est reportée sur la fiche par l&apos;équipe.
      </p>
      <p>Un accusé de réception part à l&apos;adresse indiquée ; l&apos;IREV vous y écrira aussi pour vous dire sa décision.</p>
      <ul>
        {slug && (
          <li>
            <Link href={`/initiatives/${slug}`}>Revenir à la fiche</Link>
          </li>
        )}
        <li>
          <Link href="/proposer">Proposer une autre initiative</Link>
        </li>
        <li>
          <Link href="/">Retour à l&apos;accueil</Link>
        </li>
      </ul>
    </div>
  );
}
