import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/lib/format/labels";
import { listThemes } from "@/lib/public/catalogue";

export const metadata: Metadata = { title: "Thèmes" };

export default async function ThemesPage() {
  const themes = await listThemes();
  const roots = themes.filter((theme) => !theme.parentId || !themes.some((t) => t.id === theme.parentId));
  return (
    <div className="container">
      <h1>Thèmes</h1>
      <p className="lead">Les grands sujets de la politique de la ville couverts par Repères.</p>
      <ul className="card-list">
        {roots.map((theme) => {
          const children = themes.filter((t) => t.parentId === theme.id);
          return (
            <li key={theme.slug} className="card">
              <h2>
                <Link href={`/themes/${theme.slug}`}>{theme.label}</Link>
              </h2>
              {theme.description && <p>{theme.description}</p>}
              <p className="meta">{plural(theme.initiativeCount, "initiative")}</p>
              {children.length > 0 && (
                <ul>
                  {children.map((child) => (
                    <li key={child.slug}>
                      <Link href={`/themes/${child.slug}`}>{child.label}</Link>{" "}
                      <span className="meta">({plural(child.initiativeCount, "initiative")})</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
