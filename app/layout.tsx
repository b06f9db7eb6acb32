import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { absoluteUrl, siteUrl } from "@/lib/opendata/site";
import { openGraph } from "@/lib/opendata/structured-data";
import "./globals.css";

// Every page reads live data: an edit is visible at the next request.
export const dynamic = "force-dynamic";

const description =
  "Repères, la base de connaissances de l'IREV : initiatives, acteurs et enseignements contre les discriminations et pour le pouvoir d'agir des habitants des quartiers prioritaires des Hauts-de-France.";

export const generateMetadata = (): Metadata => ({
  metadataBase: new URL(siteUrl()),
  openGraph: openGraph({ title: "Repères – ce qui marche dans les quartiers", description }),
  alternates: { types: { "application/atom+xml": absoluteUrl("/flux.xml") } },
  title: { default: "Repères – ce qui marche dans les quartiers", template: "%s – Repères" },
  description,
});

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
