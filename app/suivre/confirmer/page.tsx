import type { Metadata } from "next";
import Link from "next/link";
import { StateForm } from "@/components/admin/StateForm";
import { INVALID_CONFIRM_LINK, selectionOfLink } from "@/lib/subscriptions/subscriptions";
import { confirmFollow } from "../actions";

export const metadata: Metadata = { title: "Confirmer l'abonnement", robots: { index: false } };

type SearchParams = Promise<{ jeton?: string | string[]; confirme?: string | string[] }>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
/** Only the lists one may follow: what the confirmation action redirects with. */
const LIST_PATH = /^\/(initiatives|enseignements)(\?[^#\s]*)?$/;

/**
 * The link of the confirmation message. Opening it confirms nothing (mail scanners open links):
 * the button does.
 */
export default async function ConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const { jeton, confirme } = await searchParams;
  const done = one(confirme);
  if (done) {
    return (
      <div className="container prose">
        <h1>Abonnement confirmé</h1>
        <p role="status">
          Vous recevrez chaque lundi matin les nouveautés de cette sélection, les semaines où il y en a. Chaque message contient un lien
          pour vous désabonner.
        </p>
        <ul>
          {LIST_PATH.test(done) && (
            <li>
              <Link href={done}>Revenir à la sélection suivie</Link>
            </li>
          )}
          <li>
            <Link href="/">Retour à l&apos;accueil</Link>
          </li>
        </ul>
      </div>
    );
  }
  const token = one(jeton);
  const selection = token.length <= 200 && token ? await selectionOfLink(token, "CONFIRM") : null;
  return (
    <div className="container prose">
      <h1>Confirmer l&apos;abonnement</h1>
      {selection ? (
        <>
          <p>
            Vous allez recevoir chaque lundi matin les nouveautés de <Link href={selection.path}>{selection.label}</Link>.
          </p>
          <StateForm action={confirmFollow} submitLabel="Confirmer l'abonnement">
            <input type="hidden" name="jeton" value={token} />
          </StateForm>
        </>
      ) : (
        <p className="error-summary" role="alert">
          {INVALID_CONFIRM_LINK}
        </p>
      )}
    </div>
  );
}
