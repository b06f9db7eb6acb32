import { conditionalGet } from "@/lib/api/http";
import { selectionFeed } from "@/lib/opendata/feeds";
import { parseSearchQuery } from "@/lib/search/query";

export function GET(request: Request) {
  const query = parseSearchQuery(new URL(request.url).searchParams);
  return conditionalGet(request, () => ({ contentType: "application/atom+xml; charset=utf-8", body: () => selectionFeed(query) }));
}
