import type { Metadata } from "next";
import Link from "next/link";
import { INVALID_UNSUBSCRIBE_LINK, selectionOfLink } from "@/lib/subscriptions/subscriptions";
import { ONE_CLICK_FIELD } from "@/lib/subscriptions/one-click";

export const metadata: Metadata = { title: "Se désabonner", robots: { index: false } };

type SearchParams = Promise<{ jeton?: string | string[]; etat?: string | string[] }>;

/**
 * The unsubscribe link of every message. Opening it unsubscribes nobody (link scanners open
 * links): the button posts to this same address, as a mail client's one-click does (RFC 8058,
 * routed by the proxy to ./un-clic).
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const { jeton, etat } = await searchParams;
  if (etat === "fait") {
    return (
      <div className="container prose">
        <h1>Vous êtes désabonné·e</h1>
        <p role="status">Votre abonnement et votre adresse ont été supprimés. Vous ne recevrez plus de message pour cette sélection.</p>
        <p>
          <Link href="/">Retour à l&apos;accueil</Link>
        </p>
      </div>
    );
  }
  const token = typeof jeton === "string" && jeton.length <= 200 ? jeton : "";
  const selection = token ? await selectionOfLink(token, "UNSUBSCRIBE") : null;
  return (
    <div className="container prose">
      <h1>Se désabonner</h1>
      {selection ? (
        <form method="post" action={`/suivre/desabonner?${new URLSearchParams({ jeton: token })}`} className="stack form-narrow">
          <p>
            Vous ne recevrez plus les nouveautés de <Link href={selection.path}>{selection.label}</Link>, et votre adresse sera supprimée.
          </p>
          <input type="hidden" name={ONE_CLICK_FIELD} value="page" />
          <p>
            <button type="submit">Me désabonner</button>
          </p>
        </form>
      ) : (
        <p className="error-summary" role="alert">
          {INVALID_UNSUBSCRIBE_LINK}
        </p>
      )}
    </div>
  );
}
