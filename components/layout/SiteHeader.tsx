import Link from "next/link";
import { DossierHeaderLink } from "@/components/dossier/DossierHeaderLink";

const sections: { href: string; label: string; more?: string }[] = [
  { href: "/initiatives", label: "Initiatives" },
  { href: "/carte", label: "Carte" },
  { href: "/enseignements", label: "Enseignements" },
  { href: "/acteurs", label: "Acteurs" },
  { href: "/approches", label: "Approches" },
  { href: "/themes", label: "Thèmes" },
  // Short on screen, so that on a phone the menu keeps to three lines; whole for screen readers.
  { href: "/proposer", label: "Proposer", more: " une initiative" },
];

// The menu's links are not prefetched: on every page view they are all in view, and Next would
// fetch each of these dynamic pages (two requests a link) and decode them on the phone's main
// thread while the page is still starting, for a navigation the visitor seldom makes.
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__name">Repères</span>
          <span className="brand__tagline">IREV – politique de la ville Hauts-de-France</span>
        </Link>
        <nav aria-label="Navigation principale">
          <ul className="nav-list">
            {sections.map((section) => (
              <li key={section.href}>
                <Link href={section.href} prefetch={false}>
                  {section.label}
                  {section.more && <span className="visually-hidden">{section.more}</span>}
                </Link>
              </li>
            ))}
            <li>
              <DossierHeaderLink />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
