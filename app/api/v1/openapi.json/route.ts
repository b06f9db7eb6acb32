import { conditionalGet, preflight } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import { absoluteUrl } from "@/lib/opendata/site";

export function GET(request: Request) {
  return conditionalGet(request, () => ({
    contentType: "application/vnd.oai.openapi+json; charset=utf-8",
    body: async () => JSON.stringify(openApiDocument(absoluteUrl("/api/v1")), null, 2),
  }));
}

export const OPTIONS = preflight;
