import { dossierExportResponse } from "@/lib/dossier/export-response";

export function GET(request: Request) {
  return dossierExportResponse(request, "pdf");
}

export function POST(request: Request) {
  return dossierExportResponse(request, "pdf");
}
