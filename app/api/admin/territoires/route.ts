import { searchTerritories } from "@/lib/admin/territories";
import { AccessDenied } from "@/lib/auth/errors";

export const dynamic = "force-dynamic";

/** Territory picker suggestions (staff only). */
export async function GET(request: Request) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  try {
    const rows = await searchTerritories(q);
    return Response.json(
      { items: rows.map((row) => ({ code: row.code, label: row.label })) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof AccessDenied) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
