import Link from "next/link";

/** The way out of an empty search that adds to the base: one item of an empty state's list. */
export function ProposeItem() {
  return (
    <li>
      Vous connaissez une action qui manque ? <Link href="/proposer">Proposez une initiative</Link> : l&apos;équipe de l&apos;IREV la relira
      avant de la publier.
    </li>
  );
}
