import { apiEndpoint, preflight } from "@/lib/api/http";
import { territoriesParams } from "@/lib/api/params";
import { territoryList } from "@/lib/api/resources";

export const GET = apiEndpoint(territoriesParams, (params, url) => territoryList(url, params));
export const OPTIONS = preflight;
