import { AccessDenied } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { clientIp } from "@/lib/http/client-ip";
import { isSameOrigin } from "@/lib/http/origin";
import { exportPersonalData, personalDataRequestSchema } from "@/lib/personal-data/requests";

export const dynamic = "force-dynamic";

/** One person's data as a JSON file, for admins. A POST: each export is written to the journal. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: "Origine de la requête refusée." }, { status: 403 });
  try {
    await requireUser("ADMIN");
    const form = await request.formData().catch(() => null);
    const parsed = personalDataRequestSchema.safeParse({ adresse: form?.get("adresse") ?? undefined });
    const data = parsed.success ? await exportPersonalData(parsed.data.adresse, clientIp(request.headers)) : null;
    if (!data) return Response.json({ error: parsed.error?.issues[0]?.message }, { status: 400 });
    return new Response(`${JSON.stringify(data, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="donnees-personnelles.json"',
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
