import Link from "next/link";
import { dashboard } from "@/lib/admin/records";
import { mailFailureCount } from "@/lib/admin/mail-failures";
import { signInLocks } from "@/lib/admin/users";
import { requirePageUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { formatDate, formatTime, plural } from "@/lib/format/labels";
import { canModerate, openProposalCount } from "@/lib/proposals/moderation";

export const metadata = { title: "Tableau de bord" };

export default async function AdminHome() {
  await requirePageUser("CONTRIBUTOR");
  const data = await dashboard();
  const isAdmin = hasRole(data.user.role, "ADMIN");
  const [locks, failedMails] = isAdmin ? await Promise.all([signInLocks(), mailFailureCount()]) : [[], 0];
  const proposals = canModerate(data.user) ? await openProposalCount(data.user) : null;
  return (
    <>
      <h1>Tableau de bord</h1>
      <ul className="figures">
        <li>
          <strong>{data.inReview}</strong> {data.inReview > 1 ? "contenus à relire" : "contenu à relire"}
          {hasRole(data.user.role, "EDITOR") && (
            <>
              {" "}
              · <Link href="/admin/relecture">Voir la file de relecture</Link>
            </>
          )}
        </li>
        <li>
          <strong>{data.staleInitiatives.length + data.staleActors.length}</strong> à vérifier (plus d&apos;un an)
        </li>
        {failedMails > 0 && (
          <li>
            <strong>{failedMails}</strong> {failedMails > 1 ? "courriels en échec" : "courriel en échec"} ·{" "}
            <Link href="/admin/courriels">Voir les courriels en échec</Link>
          </li>
        )}
        {proposals !== null && (
          <li>
            <strong>{proposals}</strong> {proposals > 1 ? "propositions reçues à traiter" : "proposition reçue à traiter"} ·{" "}
            <Link href="/admin/propositions">Voir les propositions</Link>
          </li>
        )}
      </ul>
      <p>
        <Link className="button" href="/admin/initiatives/nouveau">
          Nouvelle initiative
        </Link>{" "}
        <Link href="/admin/recherches">Ce que le public cherche sans trouver</Link>
      </p>

      {locks.length > 0 && (
        <section aria-labelledby="locks-title">
          <h2 id="locks-title">Connexions bloquées</h2>
          <p className="meta">
            Trop d&apos;échecs de connexion : ces comptes sont refusés depuis ces adresses jusqu&apos;à l&apos;heure indiquée.
          </p>
          <ul>
            {locks.map((lock) => (
              <li key={`${lock.email} ${lock.ip ?? ""}`}>
                {lock.email} — {lock.ip ? `depuis l'adresse ${lock.ip}` : "depuis toutes les adresses"}, jusqu&apos;à{" "}
                {formatTime(lock.until)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2>Mes brouillons</h2>
      {data.myDrafts.length === 0 ? (
        <p>Aucun brouillon en cours.</p>
      ) : (
        <ul>
          {data.myDrafts.map((item) => (
            <li key={item.id}>
              <Link href={`/admin/initiatives/${item.id}`}>{item.title}</Link>
            </li>
          ))}
        </ul>
      )}

      <h2>Modifié récemment</h2>
      {data.recent.length === 0 ? (
        <p>Aucune modification enregistrée.</p>
      ) : (
        <ul>
          {data.recent.map(({ revision, def, title, gone }) => (
            <li key={revision.id}>
              {def && !gone ? <Link href={`/admin/${def.path}/${revision.entityId}`}>{title}</Link> : title} — version {revision.version},{" "}
              {revision.author?.name ?? "inconnu"}, {formatDate(revision.createdAt)}
              {revision.comment && ` : « ${revision.comment} »`}
            </li>
          ))}
        </ul>
      )}

      <h2>À vérifier</h2>
      <p className="meta">
        Contenus publiés depuis plus d&apos;un an et pas vérifiés depuis : contacts, sites et résultats ont pu changer.
      </p>
      {data.staleInitiatives.length + data.staleActors.length === 0 ? (
        <p>Rien à vérifier.</p>
      ) : (
        <ul>
          {data.staleInitiatives.map((item) => (
            <li key={`i${item.id}`}>
              <Link href={`/admin/initiatives/${item.id}`}>{item.title}</Link> (initiative,{" "}
              {item.lastVerifiedAt ? `vérifiée le ${formatDate(item.lastVerifiedAt)}` : "jamais vérifiée"})
            </li>
          ))}
          {data.staleActors.map((item) => (
            <li key={`a${item.id}`}>
              <Link href={`/admin/acteurs/${item.id}`}>{item.name}</Link> (acteur,{" "}
              {item.lastVerifiedAt ? `vérifié le ${formatDate(item.lastVerifiedAt)}` : "jamais vérifié"})
            </li>
          ))}
        </ul>
      )}
      <p className="meta">
        {plural(data.staleInitiatives.length, "initiative")} et {plural(data.staleActors.length, "acteur")} à vérifier.
      </p>
    </>
  );
}
