import { exportResponse } from "@/lib/opendata/export-response";

export function GET(request: Request) {
  return exportResponse(request, "json");
}
