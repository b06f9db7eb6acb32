import { apiEndpoint, preflight } from "@/lib/api/http";
import { noParams } from "@/lib/api/params";
import { vocabularyList } from "@/lib/api/resources";

export const GET = apiEndpoint(noParams, () => vocabularyList("approches"));
export const OPTIONS = preflight;
