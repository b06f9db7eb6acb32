/** A refused call: 401 (not signed in, or session over) or 403 (signed in, not allowed). */
export class AccessDenied extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = "AccessDenied";
  }
}

export const SIGNED_OUT_MESSAGE =
  "Votre session a expiré ou vous n'êtes pas connecté : reconnectez-vous dans un autre onglet puis enregistrez à nouveau (votre saisie est conservée ici).";
export const FORBIDDEN_MESSAGE = "Vous n'avez pas les droits nécessaires pour cette action.";
export const SECOND_FACTOR_MESSAGE = "Activez la double authentification (Mon compte) avant d'utiliser l'espace d'administration.";
