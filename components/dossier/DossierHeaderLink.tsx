"use client";
import Link from "next/link";
import { useDossier } from "./dossier-store";

export function DossierHeaderLink() {
  const entries = useDossier();
  return <Link href="/dossier">Mon dossier{entries ? ` (${entries.length})` : ""}</Link>;
}
