/**
 * The messages of « Suivre cette sélection » (ADR 017): the confirmation of a request and the
 * weekly digest. Both carry the one-click unsubscribe link (List-Unsubscribe, RFC 8058).
 */
import { renderMail } from "../template";

const REASON = "Vous recevez ce message parce que cette adresse a demandé à suivre une sélection du site Repères.";

export function subscriptionConfirmMail(input: {
  selection: string;
  listUrl: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  validHours: number;
}) {
  return renderMail({
    subject: "Confirmez votre abonnement à une sélection de Repères",
    paragraphs: [
      `Quelqu'un, sans doute vous, a demandé à recevoir chaque semaine les nouveautés de cette sélection : ${input.selection}, ${input.listUrl}`,
      `Rien ne vous sera envoyé tant que vous n'aurez pas confirmé. Sans confirmation dans les ${input.validHours} heures, la demande et votre adresse sont effacées.`,
    ],
    action: { label: "Confirmer l'abonnement", url: input.confirmUrl },
    reason: REASON,
    unsubscribeUrl: input.unsubscribeUrl,
  });
}

export interface DigestEntry {
  title: string;
  url: string;
  /** Published for the first time (or again) in the period, rather than updated. */
  fresh: boolean;
}

export function digestMail(input: {
  selection: string;
  since: Date;
  entries: DigestEntry[];
  more: number;
  listUrl: string;
  unsubscribeUrl: string;
}) {
  const count = input.entries.length + input.more;
  const since = input.since.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  return renderMail({
    subject: `Repères : ${count === 1 ? "1 nouveauté" : `${count} nouveautés`} dans la sélection que vous suivez`,
    paragraphs: [
      `Depuis le ${since}, ${count === 1 ? "cette fiche a été publiée ou mise à jour" : "ces fiches ont été publiées ou mises à jour"} dans la sélection que vous suivez : ${input.selection}.`,
      ...(input.more > 0 ? [`Et ${input.more === 1 ? "une autre" : `${input.more} autres`}, à voir sur le site.`] : []),
    ],
    entries: input.entries.map((entry) => ({ label: entry.title, url: entry.url, note: entry.fresh ? "nouvelle" : "mise à jour" })),
    action: { label: "Voir toute la sélection", url: input.listUrl },
    reason: REASON,
    unsubscribeUrl: input.unsubscribeUrl,
  });
}
