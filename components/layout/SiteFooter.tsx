import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>Repères est la base de connaissances de l&apos;IREV, centre de ressources Politique de la ville Hauts-de-France.</p>
        <ul className="footer-links">
          <li>
            <Link href="/accessibilite">Accessibilité : non conforme</Link>
          </li>
          <li>
            <Link href="/mentions-legales">Mentions légales</Link>
          </li>
          <li>
            <Link href="/donnees-personnelles">Données personnelles</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
