import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import "./globals.css";

// Every page reads live data: an edit is visible at the next request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Repères – ce qui marche dans les quartiers", template: "%s – Repères" },
  description:
    "Repères, la base de connaissances de l'IREV : initiatives, acteurs et enseignements contre les discriminations et pour le pouvoir d'agir des habitants des quartiers prioritaires des Hauts-de-France.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
