import { renderMail } from "../template";

export function passwordResetMail(input: { link: string; validHours: number }) {
  return renderMail({
    subject: "Réinitialisation de votre mot de passe Repères",
    paragraphs: [
      "Une nouvelle définition du mot de passe de votre compte Repères a été demandée.",
      `Le lien ci-dessous est valable ${input.validHours} heures et ne sert qu'une fois. Il remplace tout lien envoyé auparavant.`,
    ],
    action: { label: "Choisir un nouveau mot de passe", url: input.link },
    reason: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
  });
}
