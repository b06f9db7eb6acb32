import type { Metadata } from "next";
import Link from "next/link";
import { ProposalForm } from "@/components/proposals/ProposalForm";
import { approachChoices } from "@/lib/proposals/options";
import "@/app/admin/admin.css";

export const metadata: Metadata = { title: "Proposer une initiative" };

export default async function ProposePage() {
  const approaches = await approachChoices();
  return (
    <div className="container">
      <h1>Proposer une initiative</h1>
      <p className="lead">
        Vous connaissez une action qui marche contre les discriminations ou pour le pouvoir d&apos;agir des habitants d&apos;un quartier
        prioritaire des Hauts-de-France ? Décrivez-la : l&apos;équipe de l&apos;IREV la lit, vérifie avec vous si besoin, puis la publie
        dans Repères. Aucun compte n&apos;est nécessaire.
      </p>
      <p>
        Rien de ce que vous envoyez n&apos;est publié avant d&apos;avoir été relu et accepté par l&apos;équipe. Les champs marqués d&apos;un
        astérisque (*) sont obligatoires. Ce que l&apos;IREV fait de vos coordonnées et combien de temps elles sont gardées :{" "}
        <Link href="/donnees-personnelles#propositions">données personnelles</Link>.
      </p>
      <ProposalForm approaches={approaches} />
    </div>
  );
}
