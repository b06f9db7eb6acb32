import { conditionalGet } from "@/lib/api/http";
import { latestPublicationsFeed } from "@/lib/opendata/feeds";

export function GET(request: Request) {
  return conditionalGet(request, () => ({ contentType: "application/atom+xml; charset=utf-8", body: latestPublicationsFeed }));
}
