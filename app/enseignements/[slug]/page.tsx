import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/content/JsonLd";
import { lessonJsonLd, openGraph } from "@/lib/opendata/structured-data";
import { RichText } from "@/components/content/RichText";
import { SourceCitation } from "@/components/content/SourceCitation";
import { DossierToggle } from "@/components/dossier/DossierToggle";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { CorrectionLink } from "@/components/proposals/CorrectionPage";
import { evidenceLevelLabels, formatSourceDate } from "@/lib/format/labels";
import { ifPublic } from "@/lib/public/visibility";
import { getPublicLesson } from "@/lib/public/lessons";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getPublicLesson((await params).slug);
  if (!lesson) return { title: "Page introuvable" };
  const description = lesson.body.slice(0, 200);
  return {
    title: lesson.title,
    description,
    openGraph: openGraph({ title: lesson.title, description, path: `/enseignements/${lesson.slug}`, type: "article" }),
  };
}

export default async function LessonPage({ params }: Props) {
  const lesson = await getPublicLesson((await params).slug);
  if (!lesson) notFound();
  const source = lesson.source && lesson.source.status === "PUBLISHED" && !lesson.source.deletedAt ? lesson.source : null;
  const event = ifPublic(source?.event);
  return (
    <div className="container">
      <Breadcrumb trail={[{ href: "/enseignements", label: "Enseignements" }]} current={lesson.title} />
      <h1>{lesson.title}</h1>
      <DossierToggle kind="lesson" slug={lesson.slug} title={lesson.title} />
      <JsonLd data={lessonJsonLd(lesson, source)} />
      <p className="meta">Niveau de preuve : {evidenceLevelLabels[lesson.evidenceLevel]}</p>
      <RichText text={lesson.body} />
      <CorrectionLink kind="lesson" slug={lesson.slug} />
      {source && (
        <section aria-labelledby="source-heading">
          <h2 id="source-heading">Source</h2>
          <p>
            <SourceCitation source={source} />
          </p>
          {event && (
            <p className="meta">
              Issu de : {event.title}
              {event.date && `, ${formatSourceDate(event.date, event.kind)}`}
            </p>
          )}
        </section>
      )}
      {(lesson.themes.length > 0 || lesson.approaches.length > 0) && (
        <ul className="tags" aria-label="Thèmes et approches">
          {lesson.themes.map(({ theme }) => (
            <li key={theme.slug} className="tag">
              <Link href={`/themes/${theme.slug}`}>{theme.label}</Link>
            </li>
          ))}
          {lesson.approaches.map(({ approach }) => (
            <li key={approach.slug} className="tag">
              <Link href={`/approches/${approach.slug}`}>{approach.label}</Link>
            </li>
          ))}
        </ul>
      )}
      {lesson.initiatives.length > 0 && (
        <section aria-labelledby="initiatives-heading">
          <h2 id="initiatives-heading">Initiatives concernées</h2>
          <ul className="card-list">
            {lesson.initiatives.map(({ initiative }) => (
              <li key={initiative.slug} className="card">
                <h3>
                  <Link href={`/initiatives/${initiative.slug}`}>{initiative.title}</Link>
                </h3>
                <p>{initiative.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
