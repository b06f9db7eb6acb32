/** An error the API reports as application/problem+json (RFC 9457), with a French detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly parameter?: string,
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export const problemTitles: Record<number, string> = {
  400: "Requête invalide",
  404: "Ressource introuvable",
  405: "Méthode non permise",
  429: "Trop de requêtes",
  500: "Erreur interne",
};
