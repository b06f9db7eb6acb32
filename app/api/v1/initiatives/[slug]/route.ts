import { apiEndpoint, preflight } from "@/lib/api/http";
import { noParams } from "@/lib/api/params";
import { initiativeDocument } from "@/lib/api/resources";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return apiEndpoint(noParams, () => initiativeDocument(slug))(request);
}

export const OPTIONS = preflight;
