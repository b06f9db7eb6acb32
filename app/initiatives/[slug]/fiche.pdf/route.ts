import { conditionalGet } from "@/lib/api/http";
import { prisma } from "@/lib/db/client";
import { renderFiche } from "@/lib/opendata/fiche-pdf";
import { getInitiativeRecord } from "@/lib/opendata/initiative-records";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return conditionalGet(request, () => ({
    contentType: "application/pdf",
    extraHeaders: { "Content-Disposition": `inline; filename="fiche-${slug.replace(/[^a-z0-9-]/g, "")}.pdf"` },
    body: async () => {
      const record = await getInitiativeRecord(prisma, slug);
      return record ? new Uint8Array(await renderFiche(record)) : null;
    },
  }));
}
