import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonLinks } from "@/components/content/LessonLinks";
import { RichText } from "@/components/content/RichText";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { FilteredInitiatives } from "@/components/search/FilteredInitiatives";
import { SearchHitList } from "@/components/search/SearchHitList";
import { plural } from "@/lib/format/labels";
import { getApproach, lessonsOfApproaches, relatedApproaches } from "@/lib/public/catalogue";
import { choosePlace, search } from "@/lib/public/search";
import { toHitCards } from "@/lib/search/hit-card";
import { emptyQuery, parseSearchQuery, toSearchParams } from "@/lib/search/query";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const approach = await getApproach((await params).slug);
  return { title: approach ? approach.label : "Page introuvable" };
}

/** How many initiatives of the same approach elsewhere are shown when a place has none. */
const ELSEWHERE = 3;

/**
 * An approach: what it is and what it takes, then its initiatives (in one place when the URL
 * names one with ?territoire=). With none, the page still leads somewhere: the same approach
 * elsewhere in the région, related approaches, lessons, and the full search.
 */
export default async function ApproachPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const approach = await getApproach(slug);
  if (!approach) notFound();
  const parsed = parseSearchQuery(await searchParams);
  // An unknown code is ignored rather than showing an empty list for a place that does not exist.
  const place = parsed.territoire[0] ? (await choosePlace(undefined, parsed.territoire[0])).place : null;
  const query = {
    ...emptyQuery,
    approche: [approach.slug],
    territoire: place ? [place.code] : [],
    tri: "recent" as const,
    page: parsed.page,
  };
  const basePath = `/approches/${approach.slug}${place ? `?territoire=${encodeURIComponent(place.code)}` : ""}`;
  const result = await search(query);
  const empty = result.total === 0;

  const elsewhereQuery = { ...query, territoire: [], page: 1 };
  const elsewhere = empty && place ? await search(elsewhereQuery, { pageSize: ELSEWHERE, facets: false }) : null;
  const related = empty && !elsewhere?.total ? await relatedApproaches(approach.id) : { usedTogether: false, approaches: [] };
  const ownLessons = approach.lessons.length > 0;
  const lessons = ownLessons ? approach.lessons : empty ? await lessonsOfApproaches(related.approaches.map((r) => r.id)) : [];

  return (
    <div className="container">
      <Breadcrumb trail={[{ href: "/approches", label: "Approches" }]} current={approach.label} />
      <h1>{approach.label}</h1>
      <div className="grid-2">
        <section aria-labelledby="definition-heading">
          <h2 id="definition-heading">Définition</h2>
          {approach.description ? (
            <RichText text={approach.description} />
          ) : (
            <p>La définition de cette approche n&apos;est pas encore rédigée.</p>
          )}
        </section>
        {approach.successConditions && (
          <section aria-labelledby="conditions-heading" className="panel">
            <h2 id="conditions-heading">Conditions de réussite</h2>
            <RichText text={approach.successConditions} />
          </section>
        )}
      </div>
      <FilteredInitiatives
        result={result}
        query={query}
        basePath={basePath}
        heading={place ? `Initiatives à ${place.name}` : "Initiatives"}
        nextSteps={
          <p>
            <Link href={`/initiatives?${toSearchParams({ ...emptyQuery, approche: [approach.slug] }).toString()}`}>
              Chercher dans toutes les initiatives
            </Link>{" "}
            (mots-clés, lieux, publics…) ou <Link href="/approches">parcourir les autres approches</Link>.
          </p>
        }
      />
      {elsewhere && elsewhere.total > 0 && (
        <section aria-labelledby="elsewhere-heading">
          <h2 id="elsewhere-heading">La même approche ailleurs dans la région</h2>
          <p>
            {plural(elsewhere.total, "initiative publiée", "initiatives publiées")} ·{" "}
            <Link href={`/approches/${approach.slug}`}>Toutes les voir</Link>
          </p>
          <SearchHitList hits={toHitCards(elsewhere.items)} headingLevel={3} />
        </section>
      )}
      {related.approaches.length > 0 && (
        <nav aria-labelledby="related-heading">
          <h2 id="related-heading">{related.usedTogether ? "Approches proches" : "D'autres approches, avec des initiatives"}</h2>
          <ul>
            {related.approaches.map((other) => (
              <li key={other.slug}>
                <Link href={`/approches/${other.slug}`}>{other.label}</Link>{" "}
                <span className="meta">({plural(other.initiativeCount, "initiative")})</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <LessonLinks lessons={lessons} heading={ownLessons ? "Enseignements" : "Enseignements sur ces autres approches"} />
    </div>
  );
}
