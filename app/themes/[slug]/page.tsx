import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonLinks } from "@/components/content/LessonLinks";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { FilteredInitiatives } from "@/components/search/FilteredInitiatives";
import { getTheme } from "@/lib/public/catalogue";
import { search } from "@/lib/public/search";
import { emptyQuery, parseSearchQuery } from "@/lib/search/query";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const theme = await getTheme((await params).slug);
  return { title: theme ? theme.label : "Page introuvable" };
}

export default async function ThemePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const theme = await getTheme(slug);
  if (!theme) notFound();
  const query = { ...emptyQuery, theme: [theme.slug], tri: "recent" as const, page: parseSearchQuery(await searchParams).page };
  const result = await search(query);
  const parent = theme.parent && !theme.parent.deletedAt ? theme.parent : null;
  return (
    <div className="container">
      <Breadcrumb
        trail={[{ href: "/themes", label: "Thèmes" }, ...(parent ? [{ href: `/themes/${parent.slug}`, label: parent.label }] : [])]}
        current={theme.label}
      />
      <h1>{theme.label}</h1>
      {theme.description && <p className="lead">{theme.description}</p>}
      {theme.children.length > 0 && (
        <nav aria-label="Sous-thèmes">
          <h2>Sous-thèmes</h2>
          <ul>
            {theme.children.map((child) => (
              <li key={child.slug}>
                <Link href={`/themes/${child.slug}`}>{child.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <FilteredInitiatives result={result} query={query} basePath={`/themes/${theme.slug}`} />
      <LessonLinks lessons={theme.lessons} />
    </div>
  );
}
