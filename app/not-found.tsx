import Link from "next/link";

export default function NotFound() {
  return (
    <div className="container">
      <h1>Page introuvable</h1>
      <p>La page demandée n&apos;existe pas, n&apos;est plus publiée ou a changé d&apos;adresse.</p>
      <ul>
        <li>
          <Link href="/">Revenir à l&apos;accueil</Link>
        </li>
        <li>
          <Link href="/initiatives">Parcourir les initiatives</Link>
        </li>
      </ul>
    </div>
  );
}
