import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="container">
      <h1>Accès refusé</h1>
      <p>Votre compte n&apos;a pas les droits nécessaires pour cette page.</p>
      <p>
        <Link href="/admin">Retour au tableau de bord</Link>
      </p>
    </div>
  );
}
