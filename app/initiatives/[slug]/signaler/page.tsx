import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { CorrectionForm } from "@/components/proposals/CorrectionForm";
import { getPublishedInitiative } from "@/lib/public/initiatives";
import "@/app/admin/admin.css";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Signaler une correction ou un complément", robots: { index: false } };

export default async function ReportCorrectionPage({ params }: Params) {
  const initiative = await getPublishedInitiative((await params).slug);
  if (!initiative) notFound();
  return (
    <div className="container">
      <Breadcrumb
        trail={[
          { href: "/initiatives", label: "Initiatives" },
          { href: `/initiatives/${initiative.slug}`, label: initiative.title },
        ]}
        current="Signaler une correction"
      />
      <h1>Signaler une correction ou un complément</h1>
      <p className="lead">À propos de « {initiative.title} ».</p>
      <p>
        Votre message va à l&apos;équipe de l&apos;IREV, qui vérifie puis modifie la fiche si besoin : il n&apos;est jamais publié tel quel.
        Les champs marqués d&apos;un astérisque (*) sont obligatoires. Ce que l&apos;IREV fait de vos coordonnées :{" "}
        <Link href="/donnees-personnelles#propositions">données personnelles</Link>.
      </p>
      <CorrectionForm slug={initiative.slug} />
    </div>
  );
}
