/**
 * What a visitor's proposal tells people. The proposer is told about their own proposal; the
 * moderators get only its kind and a link, never the proposer's name or address, nor text nobody
 * has moderated yet.
 */
import { renderMail } from "../template";
import { CHOOSE } from "./editorial";

const REASON = "Vous recevez ce message parce que vous avez écrit à l'IREV depuis le site Repères.";

export function proposalReceivedMail(input: { subject: string }) {
  return renderMail({
    subject: `Bien reçu : ${input.subject}`,
    paragraphs: [
      `Merci : votre message (${input.subject}) est bien arrivé à l'équipe de l'IREV.`,
      "Rien n'est publié avant que l'équipe l'ait relu et accepté. Vous recevrez sa décision à cette adresse.",
    ],
    reason: REASON,
  });
}

export function proposalDecidedMail(input: { subject: string; accepted: boolean; message: string | null }) {
  return renderMail({
    subject: `${input.accepted ? "Acceptée" : "Non retenue"} : ${input.subject}`,
    paragraphs: [
      input.accepted
        ? `L'équipe de l'IREV a accepté votre message (${input.subject}) : elle le reporte dans Repères, qui le publiera après relecture.`
        : `L'équipe de l'IREV n'a pas retenu votre message (${input.subject}).`,
      ...(input.message ? [`Son message : ${input.message}`] : []),
    ],
    reason: REASON,
  });
}

/** `entry`: the published entry a correction is about (its title is already public, unlike what the visitor typed). */
export function newProposalMail(input: { kind: string; entry: string | null; adminUrl: string }) {
  const about = input.entry ? ` sur la fiche « ${input.entry} »` : "";
  return renderMail({
    subject: `Nouvelle proposition reçue (${input.kind.toLowerCase()})${about}`,
    paragraphs: [
      `Un visiteur a envoyé une proposition depuis le site (${input.kind.toLowerCase()})${about}. Lisez-la, puis acceptez-la ou déclinez-la avec un message.`,
    ],
    action: { label: "Ouvrir la proposition", url: input.adminUrl },
    reason: `Vous recevez ce message en tant qu'éditeur ou administrateur de Repères. ${CHOOSE}`,
  });
}
