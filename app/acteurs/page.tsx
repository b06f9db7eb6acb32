import type { Metadata } from "next";
import Link from "next/link";
import { actorKindLabels, plural } from "@/lib/format/labels";
import { listActors } from "@/lib/public/catalogue";

export const metadata: Metadata = { title: "Acteurs" };

export default async function ActorsPage() {
  const actors = await listActors();
  return (
    <div className="container">
      <h1>Acteurs</h1>
      <p className="lead">Les structures qui portent, financent ou accompagnent les initiatives.</p>
      {actors.length === 0 ? (
        <p>Aucun acteur n&apos;est encore publié.</p>
      ) : (
        <ul className="card-list">
          {actors.map((actor) => (
            <li key={actor.slug} className="card">
              <h2>
                <Link href={`/acteurs/${actor.slug}`}>{actor.name}</Link>
              </h2>
              <p className="meta">
                {actorKindLabels[actor.kind]}
                {actor.territory && ` · ${actor.territory.name}`} · {plural(actor._count.initiatives, "initiative")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
