import type { Metadata } from "next";
import Link from "next/link";
import { SubscribeForm } from "@/components/subscriptions/SubscribeForm";
import { CONFIRM_VALID_HOURS } from "@/lib/subscriptions/subscriptions";
import { LIST_PARAMS, type ListParam, selectionLabel, selectionOf, selectionPath } from "@/lib/subscriptions/selection";

export const metadata: Metadata = { title: "Suivre cette sélection", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** « Suivre cette sélection »: `liste` and the list's own filters, as the list page links here. */
export default async function FollowPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const one of [value ?? []].flat()) params.append(key, one);
  const list = params.get("liste");
  if (!list || !Object.hasOwn(LIST_PARAMS, list)) {
    return (
      <div className="container prose">
        <h1>Suivre une sélection</h1>
        <p>
          Choisissez d&apos;abord ce que vous voulez suivre : filtrez la liste des <Link href="/initiatives">initiatives</Link> ou des{" "}
          <Link href="/enseignements">enseignements</Link>, puis suivez le lien « Suivre cette sélection par e-mail ».
        </p>
      </div>
    );
  }
  params.delete("liste");
  const selection = selectionOf(LIST_PARAMS[list as ListParam], params);
  return (
    <div className="container prose">
      <h1>Suivre cette sélection</h1>
      <p>
        Recevez chaque lundi matin, par e-mail, les fiches publiées ou mises à jour dans la semaine parmi{" "}
        <Link href={selectionPath(selection)}>{await selectionLabel(selection)}</Link>. Pas de message les semaines sans nouveauté.
      </p>
      <p>
        Pas besoin de compte. Un message vous demandera d&apos;abord de confirmer (sous {CONFIRM_VALID_HOURS} heures) ; chaque message
        contient un lien pour vous désabonner en un clic, ce qui efface votre adresse. Voir{" "}
        <Link href="/donnees-personnelles#abonnements">Données personnelles</Link>.
      </p>
      <SubscribeForm list={list} filter={selection.filter} />
    </div>
  );
}
