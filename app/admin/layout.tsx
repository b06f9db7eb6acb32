import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/admin/SignOutButton";
import { PhoneDisclosure } from "@/components/layout/PhoneDisclosure";
import { requirePageUser } from "@/lib/auth/guards";
import { hasRole, roleLabels } from "@/lib/auth/roles";
import { definitions } from "@/lib/editorial/registry";
import "./admin.css";

export const metadata: Metadata = {
  title: { default: "Espace équipe", template: "%s – Espace équipe – Repères" },
  robots: { index: false },
};

/** The staff area's frame. Each page and action checks the user again: this is only navigation. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("CONTRIBUTOR", { allowMissingSecondFactor: true });
  return (
    <div className="container admin">
      <div className="admin__bar">
        <p>
          Connecté : <strong>{user.name}</strong> ({roleLabels[user.role].toLowerCase()})
        </p>
        <Link href="/admin/compte">Mon compte</Link>
        <SignOutButton />
      </div>
      <div className="admin__layout">
        {/* On a phone the menu is one button, so that the page itself starts on the first screen. */}
        <nav aria-label="Espace équipe" className="admin__nav">
          <PhoneDisclosure summary="Menu de l'espace équipe">
            <ul>
              <li>
                <Link href="/admin">Tableau de bord</Link>
              </li>
              {hasRole(user.role, "EDITOR") && (
                <>
                  <li>
                    <Link href="/admin/relecture">À relire</Link>
                  </li>
                  <li>
                    <Link href="/admin/propositions">Propositions reçues</Link>
                  </li>
                  <li>
                    <Link href="/admin/import">Importer un tableur</Link>
                  </li>
                </>
              )}
              {definitions.map((def) => (
                <li key={def.path}>
                  <Link href={`/admin/${def.path}`}>{def.label.many}</Link>
                </li>
              ))}
              <li>
                <Link href="/admin/territoires">Territoires (alias)</Link>
              </li>
              <li>
                <Link href="/admin/synonymes">Synonymes</Link>
              </li>
              <li>
                <Link href="/admin/recherches">Recherches du public</Link>
              </li>
              <li>
                <Link href="/admin/corbeille">Corbeille</Link>
              </li>
              {hasRole(user.role, "ADMIN") && (
                <>
                  <li>
                    <Link href="/admin/journal">Journal</Link>
                  </li>
                  <li>
                    <Link href="/admin/utilisateurs">Utilisateurs</Link>
                  </li>
                  <li>
                    <Link href="/admin/courriels">Courriels en échec</Link>
                  </li>
                  <li>
                    <Link href="/admin/donnees-personnelles">Données personnelles</Link>
                  </li>
                </>
              )}
            </ul>
          </PhoneDisclosure>
        </nav>
        <div className="admin__content">{children}</div>
      </div>
    </div>
  );
}
