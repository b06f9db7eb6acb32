import Link from "next/link";

/** Page numbers around the current one, with first and last, as links that keep the query. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination">
      <ul className="pagination">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev">
              Précédente
            </Link>
          </li>
        )}
        {sorted.map((p, index) => (
          <li key={p}>
            {index > 0 && p - sorted[index - 1]! > 1 && <span aria-hidden="true">…</span>}
            {p === page ? (
              <span aria-current="page">
                <span className="visually-hidden">Page </span>
                {p}
              </span>
            ) : (
              <Link href={hrefFor(p)}>
                <span className="visually-hidden">Page </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next">
              Suivante
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
