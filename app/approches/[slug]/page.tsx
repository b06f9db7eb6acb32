import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonLinks } from "@/components/content/LessonLinks";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { FilteredInitiatives } from "@/components/search/FilteredInitiatives";
import { getApproach } from "@/lib/public/catalogue";
import { search } from "@/lib/public/search";
import { emptyQuery, parseSearchQuery } from "@/lib/search/query";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const approach = await getApproach((await params).slug);
  return { title: approach ? approach.label : "Page introuvable" };
}

export default async function ApproachPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const approach = await getApproach(slug);
  if (!approach) notFound();
  const query = { ...emptyQuery, approche: [approach.slug], tri: "recent" as const, page: parseSearchQuery(await searchParams).page };
  const result = await search(query);
  return (
    <div className="container">
      <Breadcrumb trail={[{ href: "/approches", label: "Approches" }]} current={approach.label} />
      <h1>{approach.label}</h1>
      {approach.description && <p className="lead">{approach.description}</p>}
      <FilteredInitiatives result={result} query={query} basePath={`/approches/${approach.slug}`} />
      <LessonLinks lessons={approach.lessons} />
    </div>
  );
}
