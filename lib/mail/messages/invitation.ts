import { renderMail } from "../template";

export function invitationMail(input: { roleLabel: string; link: string; validDays: number }) {
  return renderMail({
    subject: "Votre invitation à l'espace équipe de Repères",
    paragraphs: [
      `Un compte « ${input.roleLabel} » vient d'être créé pour vous dans l'espace équipe de Repères.`,
      `Pour l'activer, choisissez votre mot de passe avec le lien ci-dessous, valable ${input.validDays} jours et utilisable une seule fois.`,
    ],
    action: { label: "Choisir mon mot de passe", url: input.link },
    reason:
      "Vous recevez ce message parce qu'un administrateur de Repères vous a invité. Si vous ne l'attendiez pas, ignorez-le : sans mot de passe, le compte reste inutilisable.",
  });
}
