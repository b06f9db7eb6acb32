import { apiEndpoint, preflight } from "@/lib/api/http";
import { lessonsParams } from "@/lib/api/params";
import { lessonList } from "@/lib/api/resources";

export const GET = apiEndpoint(lessonsParams, (params, url) => lessonList(url, params));
export const OPTIONS = preflight;
