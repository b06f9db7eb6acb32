import Link from "next/link";
import { Highlighted } from "@/components/search/Highlighted";
import { evidenceLevelLabels } from "@/lib/format/labels";
import type { LessonHit } from "@/lib/public/lessons";

/** A lesson in a list: title and excerpt with the query's words marked, evidence, source, scale. */
export function LessonCard({ lesson, headingLevel = 2 }: { lesson: LessonHit; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card">
      <Heading>
        <Link href={`/enseignements/${lesson.slug}`}>
          <Highlighted segments={lesson.titleSegments} />
        </Link>
      </Heading>
      <p>
        <Highlighted segments={lesson.excerpt} />
      </p>
      <p className="meta">
        {evidenceLevelLabels[lesson.evidenceLevel]}
        {lesson.source && ` · Source : ${lesson.source.title}`}
        {lesson.scale && (
          <>
            {" · "}
            <strong className="scale">{lesson.scale.charAt(0).toUpperCase() + lesson.scale.slice(1)}</strong>
          </>
        )}
      </p>
    </article>
  );
}
