import type { Metadata } from "next";
import Link from "next/link";
import { ENTRY_SECTIONS } from "@/lib/proposals/entries";

export const metadata: Metadata = { title: "Message envoyé" };

const ENTRY_PATH = new RegExp(
  `^(${Object.values(ENTRY_SECTIONS)
    .map((section) => section.path)
    .join("|")})/[a-z0-9-]{1,200}$`,
);

type Props = { searchParams: Promise<{ fiche?: string | string[] }> };

/** After a proposal or a correction was stored. `fiche`: the public path of the entry a correction was about, without its first slash. */
export default async function ThanksPage({ searchParams }: Props) {
  const fiche = (await searchParams).fiche;
  const entryPath = typeof fiche === "string" && ENTRY_PATH.test(fiche) ? `/${fiche}` : null;
  return (
    <div className="container prose">
      <h1>Merci, votre message est bien arrivé</h1>
      <p>
        L&apos;équipe de l&apos;IREV va le lire. Rien n&apos;est publié avant qu&apos;elle l&apos;ait accepté : une initiative proposée
        devient d&apos;abord un brouillon, relu et complété avant publication ; une correction est reportée sur la fiche par l&apos;équipe.
      </p>
      <p>Un accusé de réception part à l&apos;adresse indiquée ; l&apos;IREV vous y écrira aussi pour vous dire sa décision.</p>
      <ul>
        {entryPath && (
          <li>
            <Link href={entryPath}>Revenir à la fiche</Link>
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
