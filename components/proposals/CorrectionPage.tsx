import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { ENTRY_SECTIONS, entryPublicPath, getPublishedEntry } from "@/lib/proposals/entries";
import type { CorrectionEntryKind } from "@/lib/proposals/schema";
import { CorrectionForm } from "./CorrectionForm";
import "@/app/admin/admin.css";

export const correctionPageMetadata: Metadata = { title: "Signaler une correction ou un complément", robots: { index: false } };

type Params = { params: Promise<{ slug: string }> };

/** The `/<section>/[slug]/signaler` page of one kind of public entry: the same page for each. */
export function correctionPage(kind: CorrectionEntryKind) {
  return async function ReportCorrectionPage({ params }: Params) {
    const entry = await getPublishedEntry(kind, (await params).slug);
    if (!entry) notFound();
    const section = ENTRY_SECTIONS[kind];
    return (
      <div className="container">
        <Breadcrumb
          trail={[
            { href: `/${section.path}`, label: section.label },
            { href: entryPublicPath(entry), label: entry.title },
          ]}
          current="Signaler une correction"
        />
        <h1>Signaler une correction ou un complément</h1>
        <p className="lead">À propos de « {entry.title} ».</p>
        <p>
          Votre message va à l&apos;équipe de l&apos;IREV, qui vérifie puis modifie la fiche si besoin : il n&apos;est jamais publié tel
          quel. Les champs marqués d&apos;un astérisque (*) sont obligatoires. Ce que l&apos;IREV fait de vos coordonnées :{" "}
          <Link href="/donnees-personnelles#propositions">données personnelles</Link>.
        </p>
        <CorrectionForm kind={kind} slug={entry.slug} />
      </div>
    );
  };
}

/** The link on an entry's public page. */
export function CorrectionLink({ kind, slug }: { kind: CorrectionEntryKind; slug: string }) {
  return (
    <p className="no-print">
      <Link href={`${entryPublicPath({ kind, slug })}/signaler`}>Signaler une correction ou un complément</Link> sur cette fiche
    </p>
  );
}
