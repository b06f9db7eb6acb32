import Link from "next/link";

type Crumb = { href: string; label: string };
const HOME: Crumb = { href: "/", label: "Accueil" };

/** "Accueil › Section › Page": the last item is the current page. Staff pages start elsewhere (`root={null}`). */
export function Breadcrumb({ trail, current, root = HOME }: { trail: Crumb[]; current: string; root?: Crumb | null }) {
  return (
    <nav aria-label="Fil d'Ariane" className="breadcrumb">
      <ol>
        {root && (
          <li>
            <Link href={root.href}>{root.label}</Link>
          </li>
        )}
        {trail.map((item) => (
          <li key={item.href}>
            <Link href={item.href}>{item.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
