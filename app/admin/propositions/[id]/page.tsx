import Link from "next/link";
import { notFound } from "next/navigation";
import { acceptProposal, assignProposalToMe, declineProposal } from "@/app/admin/_actions/proposals";
import { ActionButton } from "@/components/admin/ActionButton";
import { StateForm } from "@/components/admin/StateForm";
import { Breadcrumb } from "@/components/navigation/Breadcrumb";
import { requirePageUser } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format/labels";
import { ENTRY_NOUNS, entryAdminPath, entryPublicPath } from "@/lib/proposals/entries";
import { proposalKindLabels, proposalStatusLabels } from "@/lib/proposals/labels";
import { getProposal } from "@/lib/proposals/moderation";
import { recordId } from "@/lib/validation/integer";

export const metadata = { title: "Proposition" };

type Props = { params: Promise<{ id: string }> };

const consentText = (date: Date | null) => (date ? `oui, le ${formatDate(date)}` : "non");

export default async function ProposalPage({ params }: Props) {
  const user = await requirePageUser("EDITOR");
  const id = recordId.safeParse((await params).id);
  if (!id.success) notFound();
  const proposal = await getProposal(user, id.data);
  if (!proposal) notFound();
  const isNew = proposal.kind === "NEW";
  const heading = isNew ? `Proposition n° ${proposal.id} : ${proposal.title}` : `Correction n° ${proposal.id}`;
  return (
    <>
      <Breadcrumb root={null} trail={[{ href: "/admin/propositions", label: "Propositions reçues" }]} current={`n° ${proposal.id}`} />
      <h1>{heading}</h1>
      <dl className="facts">
        <dt>Type</dt>
        <dd>{proposalKindLabels[proposal.kind]}</dd>
        <dt>Reçue le</dt>
        <dd>{formatDate(proposal.createdAt)}</dd>
        <dt>État</dt>
        <dd>
          {proposalStatusLabels[proposal.status]}
          {proposal.decidedAt && ` le ${formatDate(proposal.decidedAt)}`}
          {proposal.assignee && ` — suivie par ${proposal.assignee.name}`}
        </dd>
        {proposal.decisionMessage && (
          <>
            <dt>Message de décision</dt>
            <dd className="pre-wrap">{proposal.decisionMessage}</dd>
          </>
        )}
        {proposal.createdInitiative && (
          <>
            <dt>Brouillon créé</dt>
            <dd>
              <Link href={`/admin/initiatives/${proposal.createdInitiative.id}`}>{proposal.createdInitiative.title}</Link>
            </dd>
          </>
        )}
        {!isNew && (
          <>
            <dt>Fiche concernée</dt>
            <dd>
              {proposal.entry ? (
                <>
                  {ENTRY_NOUNS[proposal.entry.kind]} <Link href={entryAdminPath(proposal.entry)}>{proposal.entry.title}</Link> (
                  <Link href={entryPublicPath(proposal.entry)}>page publique</Link>)
                </>
              ) : (
                "supprimée depuis"
              )}
            </dd>
          </>
        )}
      </dl>

      <h2>{isNew ? "L'initiative proposée" : "Le message"}</h2>
      <p className="pre-wrap">{proposal.body}</p>
      {isNew && (
        <dl className="facts">
          <dt>Lieux</dt>
          <dd>{proposal.territories.map((t) => `${t.name} (${t.code})`).join(", ") || "aucun lieu encore connu"}</dd>
          <dt>Approches</dt>
          <dd>{proposal.approaches.map((a) => a.label).join(", ") || "aucune cochée"}</dd>
          <dt>Qui la porte</dt>
          <dd>{proposal.carrier ?? "non précisé"}</dd>
        </dl>
      )}

      <h2>La personne</h2>
      <p className="meta">Données personnelles : ne les recopiez ailleurs qu&apos;avec son accord (voir ci-dessous).</p>
      <dl className="facts">
        <dt>Nom</dt>
        <dd>{proposal.proposerName}</dd>
        <dt>E-mail</dt>
        <dd>{proposal.proposerEmail}</dd>
        <dt>Fonction ou structure</dt>
        <dd>{proposal.proposerRole ?? "non précisée"}</dd>
        <dt>Accepte d&apos;être contactée par l&apos;IREV</dt>
        <dd>{consentText(proposal.contactConsentAt)}</dd>
        {isNew && (
          <>
            <dt>Accepte d&apos;être le contact public</dt>
            <dd>{consentText(proposal.publicContactConsentAt)}</dd>
          </>
        )}
      </dl>

      {proposal.open && (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">Décision</h2>
          {proposal.assignee?.id !== user.id && (
            <ActionButton action={assignProposalToMe} fields={{ id: proposal.id }} label="Me l'attribuer" variant="secondary" />
          )}
          <h3>Accepter</h3>
          <p className="meta">
            {isNew
              ? "Crée un brouillon d'initiative prérempli (titre, description, lieux, approches, et la personne comme contact public seulement avec son accord), puis l'ouvre : complétez-le et publiez-le par le circuit habituel."
              : "Marque la correction acceptée et ouvre la fiche : faites la modification par le circuit habituel, qui la garde dans l'historique."}
          </p>
          <StateForm
            action={acceptProposal}
            submitLabel={isNew ? "Accepter et créer le brouillon" : "Accepter et ouvrir la fiche"}
            labels={{ note: "Message à la personne" }}
          >
            <input type="hidden" name="id" value={proposal.id} />
            <div className="field">
              <label htmlFor="note">Message à la personne (facultatif)</label>
              <textarea id="note" name="note" rows={3} maxLength={2000} />
            </div>
          </StateForm>
          <h3>Décliner</h3>
          <StateForm action={declineProposal} submitLabel="Décliner la proposition" labels={{ reason: "Motif" }}>
            <input type="hidden" name="id" value={proposal.id} />
            <div className="field">
              <label htmlFor="reason">
                Motif, adressé à la personne<span aria-hidden="true"> *</span>
                <span className="visually-hidden"> (obligatoire)</span>
              </label>
              <textarea id="reason" name="reason" rows={3} maxLength={2000} required />
            </div>
          </StateForm>
        </section>
      )}
    </>
  );
}
