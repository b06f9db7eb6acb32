import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/lib/format/labels";
import { listApproaches } from "@/lib/public/catalogue";

export const metadata: Metadata = { title: "Approches" };

export default async function ApproachesPage() {
  const approaches = await listApproaches();
  return (
    <div className="container">
      <h1>Approches</h1>
      <p className="lead">Les façons d&apos;agir repérées dans les initiatives : accès au droit, formation, pairs, testing…</p>
      <ul className="card-list">
        {approaches.map((approach) => (
          <li key={approach.slug} className="card">
            <h2>
              <Link href={`/approches/${approach.slug}`}>{approach.label}</Link>
            </h2>
            {approach.description && <p>{approach.description}</p>}
            <p className="meta">{plural(approach.initiativeCount, "initiative")}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
