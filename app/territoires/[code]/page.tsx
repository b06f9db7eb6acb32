import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WhoToContact } from "@/components/contact/WhoToContact";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { FilteredInitiatives } from "@/components/search/FilteredInitiatives";
import { plural, territoryKindLabels } from "@/lib/format/labels";
import { getTerritory } from "@/lib/public/catalogue";
import { search } from "@/lib/public/search";
import { emptyQuery, parseSearchQuery } from "@/lib/search/query";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const codeSchema = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/;

async function load(code: string) {
  return codeSchema.test(code) ? getTerritory(code) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const territory = await load((await params).code);
  return { title: territory ? territory.name : "Page introuvable" };
}

export default async function TerritoryPage({ params, searchParams }: Props) {
  const territory = await load((await params).code);
  if (!territory) notFound();
  const query = { ...emptyQuery, territoire: [territory.code], tri: "recent" as const, page: parseSearchQuery(await searchParams).page };
  const result = await search(query);
  const kind = territoryKindLabels[territory.kind];
  return (
    <div className="container">
      <Breadcrumb trail={territory.parents.map((p) => ({ href: `/territoires/${p.code}`, label: p.name }))} current={territory.name} />
      <h1>{territory.name}</h1>
      <p className="meta">
        {kind} · code {territory.code}
        {territory.aliases.length > 0 && ` · aussi appelé ${territory.aliases.join(", ")}`}
      </p>
      <p>
        Les initiatives de ce territoire comprennent celles des lieux qui s&apos;y trouvent, puis celles qui le couvrent depuis un
        territoire plus grand (intercommunalité, département, région), marquées comme telles.
      </p>
      {territory.parents.length > 0 && (
        <nav aria-label="Territoires englobants">
          <h2>Fait partie de</h2>
          <ul>
            {territory.parents.map((parent) => (
              <li key={parent.code}>
                <Link href={`/territoires/${parent.code}`}>{parent.name}</Link> ({territoryKindLabels[parent.kind].toLowerCase()})
              </li>
            ))}
          </ul>
        </nav>
      )}
      <FilteredInitiatives result={result} query={query} basePath={`/territoires/${territory.code}`} />
      <WhoToContact code={territory.code} />
      {territory.children.length > 0 && (
        <nav aria-label="Territoires inclus">
          <h2>Territoires inclus</h2>
          <ul className="entry-list">
            {territory.children.map((child) => (
              <li key={child.code}>
                <Link href={`/territoires/${child.code}`}>{child.name}</Link>{" "}
                <span className="meta">({plural(child.initiativeCount, "initiative")})</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
