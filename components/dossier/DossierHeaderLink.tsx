"use client";
import Link from "next/link";
import { useDossier } from "./dossier-store";

export function DossierHeaderLink() {
  const entries = useDossier();
  // Not prefetched, as the rest of the menu (SiteHeader).
  return (
    <Link href="/dossier" prefetch={false}>
      Mon dossier{entries ? ` (${entries.length})` : ""}
    </Link>
  );
}
