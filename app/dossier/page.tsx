import type { Metadata } from "next";
import { DossierEditor } from "@/components/dossier/DossierEditor";
import { parseDossier } from "@/lib/dossier/entries";
import { publicDossier } from "@/lib/dossier/read";

export const metadata: Metadata = { title: "Mon dossier", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DossierPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const dossier = parseDossier((name) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  });
  const items = dossier.ok ? await publicDossier(dossier.entries) : [];
  return (
    <div className="container">
      <h1 id="dossier-heading" tabIndex={-1}>
        Mon dossier
      </h1>
      <p className="lead">
        Réunissez des initiatives et des enseignements, classez-les, annotez-les, puis exportez-les en PDF ou en tableur : pour
        l&apos;annexe d&apos;un contrat de ville ou une note de comité de pilotage. Le dossier reste dans ce navigateur, sans compte.
      </p>
      {dossier.ok ? (
        <DossierEditor
          items={items.map((item) => ({
            kind: item.kind,
            slug: item.slug,
            title: item.record?.title ?? null,
            summary: item.kind === "initiative" ? (item.record?.summary ?? null) : null,
            href: item.kind === "initiative" ? `/initiatives/${item.slug}` : `/enseignements/${item.slug}`,
          }))}
        />
      ) : (
        <p role="alert">Ce lien de dossier est illisible : {dossier.message}</p>
      )}
    </div>
  );
}
