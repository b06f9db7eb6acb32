import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { notFound } from "next/navigation";
import { EntityForm } from "@/components/admin/EntityForm";
import { formOptions } from "@/lib/admin/records";
import { requirePageUser } from "@/lib/auth/guards";
import { newRecordValues } from "@/lib/editorial/form-values";
import { definitionByPath } from "@/lib/editorial/registry";

type Props = { params: Promise<{ entity: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  return { title: definitionByPath((await params).entity)?.label.new ?? "Page introuvable" };
}

export default async function NewEntityPage({ params, searchParams }: Props) {
  const def = definitionByPath((await params).entity);
  if (!def) notFound();
  await requirePageUser(def.editRole);
  const options = await formOptions(def);
  return (
    <>
      <Breadcrumb root={null} trail={[{ href: `/admin/${def.path}`, label: def.label.many }]} current={def.label.new} />
      <h1>{def.label.new}</h1>
      {def.workflow && (
        <p>Le contenu est enregistré comme brouillon : il ne sera visible du public qu&apos;une fois publié par un éditeur.</p>
      )}
      <p className="meta">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <EntityForm
        entity={def.path}
        fields={def.fields}
        options={options}
        values={newRecordValues(def.fields, await searchParams)}
        territoryLabels={{}}
        submitLabel="Créer le brouillon"
      />
    </>
  );
}
