import { conditionalGet } from "@/lib/api/http";
import { initiativeDocument } from "@/lib/api/resources";
import { renderFiche } from "@/lib/opendata/fiche-pdf";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return conditionalGet(request, () => ({
    contentType: "application/pdf",
    extraHeaders: { "Content-Disposition": `inline; filename="fiche-${slug.replace(/[^a-z0-9-]/g, "")}.pdf"` },
    body: async () => {
      const document = await initiativeDocument(slug);
      return document ? new Uint8Array(await renderFiche(document.item)) : null;
    },
  }));
}
