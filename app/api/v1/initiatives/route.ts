import { apiEndpoint, preflight } from "@/lib/api/http";
import { initiativesParams } from "@/lib/api/params";
import { initiativeList } from "@/lib/api/resources";
import { parseSearchQuery } from "@/lib/search/query";

// Checked strictly by initiativesParams, then read by the search page's own parser.
export const GET = apiEndpoint(initiativesParams, (params, url) =>
  initiativeList(url, parseSearchQuery(url.searchParams), params.par_page ?? 20),
);
export const OPTIONS = preflight;
