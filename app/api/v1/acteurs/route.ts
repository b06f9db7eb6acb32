import { apiEndpoint, preflight } from "@/lib/api/http";
import { actorsParams } from "@/lib/api/params";
import { actorList } from "@/lib/api/resources";

export const GET = apiEndpoint(actorsParams, (params, url) => actorList(url, params));
export const OPTIONS = preflight;
