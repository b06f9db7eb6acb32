import type { Metadata } from "next";
import { z } from "zod";
import { InitiativeCard } from "@/components/initiatives/InitiativeCard";
import { Pagination } from "@/components/navigation/Pagination";
import { plural } from "@/lib/format/labels";
import { listPublishedInitiatives } from "@/lib/public/initiatives";

export const metadata: Metadata = { title: "Initiatives" };

const querySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export default async function InitiativesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const { page } = querySchema.parse({ page: Array.isArray(raw.page) ? raw.page[0] : raw.page });
  const result = await listPublishedInitiatives(page);
  return (
    <div className="container">
      <h1>Initiatives</h1>
      <p role="status">{plural(result.total, "initiative publiée", "initiatives publiées")}</p>
      {result.items.length === 0 ? (
        <p>Aucune initiative sur cette page.</p>
      ) : (
        <ul className="card-list">
          {result.items.map((initiative) => (
            <li key={initiative.id}>
              <InitiativeCard initiative={initiative} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(p) => `/initiatives?page=${p}`} />
    </div>
  );
}
