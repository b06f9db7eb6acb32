import Link from "next/link";
import { evidenceLevelLabels } from "@/lib/format/labels";

type EvidenceLevel = keyof typeof evidenceLevelLabels;

/** The lessons of a theme or an approach, with their evidence level. */
export function LessonLinks({
  lessons,
  heading = "Enseignements",
}: {
  lessons: { lesson: { slug: string; title: string; evidenceLevel: EvidenceLevel } }[];
  heading?: string;
}) {
  if (lessons.length === 0) return null;
  return (
    <section aria-labelledby="lessons-heading">
      <h2 id="lessons-heading">{heading}</h2>
      <ul>
        {lessons.map(({ lesson }) => (
          <li key={lesson.slug}>
            <Link href={`/enseignements/${lesson.slug}`}>{lesson.title}</Link>{" "}
            <span className="meta">({evidenceLevelLabels[lesson.evidenceLevel]})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
