import { problemResponse } from "@/lib/api/errors";
import { plainPage } from "./plain-page";
import type { UrlDefect } from "./url-defect";

const details: Record<UrlDefect, string> = {
  encoding: "L'adresse contient un encodage « % » incorrect.",
  control: "L'adresse contient un caractère de contrôle (invisible) non autorisé.",
};

/** The answer to an address the proxy cannot read (lib/http/url-defect.ts): a page, or a problem for the API. */
export function badRequest(options: { pathname: string; requestId: string; defect: UrlDefect }): Response {
  const detail = details[options.defect];
  if (options.pathname.startsWith("/api/")) return problemResponse(400, `${detail} Référence : ${options.requestId}.`);
  return plainPage({
    status: 400,
    title: "Adresse invalide",
    paragraphs: [
      `${detail} Repères ne peut pas lire cette adresse. Si vous avez suivi un lien, il a sans doute été abîmé en route : vérifiez-le ou recopiez-le.`,
      `<a href="/">Revenir à l'accueil de Repères</a>`,
    ],
    requestId: options.requestId,
  });
}
