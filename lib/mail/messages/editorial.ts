/**
 * What the editorial workflow tells people. Only the entry's title and links: never who wrote,
 * submitted or decided, whose address or name the recipient has not been given.
 */
import { renderMail } from "../template";

/** Every notification says where it is turned off (lib/mail/preferences.ts). */
export const CHOOSE = "Pour ne plus recevoir ce type de message : « Mon compte » dans l'espace équipe.";

export function reviewRequestedMail(input: { kind: string; title: string; adminUrl: string }) {
  return renderMail({
    subject: `À relire : ${input.title}`,
    paragraphs: [
      `Le contenu « ${input.title} » (${input.kind}) a été soumis en relecture.`,
      "Relisez-le, puis publiez-le ou renvoyez-le en brouillon avec un commentaire.",
    ],
    action: { label: "Relire dans l'espace équipe", url: input.adminUrl },
    reason: `Vous recevez ce message en tant qu'éditeur ou administrateur de Repères. ${CHOOSE}`,
  });
}

export function entryPublishedMail(input: { kind: string; title: string; url: string }) {
  return renderMail({
    subject: `Publié : ${input.title}`,
    paragraphs: [`Le contenu « ${input.title} » (${input.kind}), que vous avez rédigé, est maintenant publié.`],
    action: { label: "Voir la page", url: input.url },
    reason: `Vous recevez ce message parce que vous êtes l'auteur de ce contenu dans Repères. ${CHOOSE}`,
  });
}

export function entrySentBackMail(input: { kind: string; title: string; adminUrl: string; comment?: string }) {
  return renderMail({
    subject: `Renvoyé en brouillon : ${input.title}`,
    paragraphs: [
      `Le contenu « ${input.title} » (${input.kind}), que vous avez rédigé, a été renvoyé en brouillon.`,
      ...(input.comment ? [`Commentaire de la relecture : ${input.comment}`] : []),
      "Vous pouvez le modifier puis le soumettre à nouveau.",
    ],
    action: { label: "Reprendre le brouillon", url: input.adminUrl },
    reason: `Vous recevez ce message parce que vous êtes l'auteur de ce contenu dans Repères. ${CHOOSE}`,
  });
}
