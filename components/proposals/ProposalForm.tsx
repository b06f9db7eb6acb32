"use client";

import { sendProposal } from "@/app/proposer/actions";
import { StateForm } from "@/components/admin/StateForm";
import { TerritoryPicker } from "@/components/admin/fields/TerritoryPicker";
import type { Option } from "@/lib/editorial/form-values";
import { PROPOSAL_LIMITS, proposalLabels } from "@/lib/proposals/schema";
import { BodyField, ConsentField, fieldError, ProposerFields, TextField } from "./VisitorFields";

/** « Proposer une initiative »: what, where, how, who carries it, and who proposes it. */
export function ProposalForm({ approaches }: { approaches: Option[] }) {
  return (
    <StateForm action={sendProposal} submitLabel="Envoyer la proposition" labels={proposalLabels} keepValues>
      {(state) => (
        <>
          <h2>L&apos;initiative</h2>
          <TextField
            name="title"
            label={proposalLabels.title}
            required
            maxLength={PROPOSAL_LIMITS.title}
            error={fieldError(state, "title")}
          />
          <BodyField
            state={state}
            label={proposalLabels.body}
            hint="Ce qui est fait, pour qui, depuis quand, avec quels résultats. 20 caractères au moins, 3 adresses web au plus."
          />
          <div id="territories">
            <TerritoryPicker
              name="territories"
              legend={proposalLabels.territories}
              hint="Obligatoire. Cherchez la commune, le quartier prioritaire ou l'intercommunalité par son nom ou son code postal, puis ajoutez-le."
              initial={[]}
              lookup="public"
              error={fieldError(state, "territories")}
              errorId="territories-error"
            />
          </div>
          <fieldset className="field" id="approaches" aria-describedby="approaches-hint">
            <legend>{proposalLabels.approaches}</legend>
            <p className="hint" id="approaches-hint">
              Facultatif : cochez ce qui décrit la façon de faire.
            </p>
            {fieldError(state, "approaches") && <p className="field-error">{fieldError(state, "approaches")}</p>}
            <ul className="checkbox-list">
              {approaches.map((approach) => (
                <li key={approach.value}>
                  <input id={`approach-${approach.value}`} type="checkbox" name="approaches" value={approach.value} />
                  <label htmlFor={`approach-${approach.value}`}>{approach.label}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <TextField
            name="carrier"
            label={proposalLabels.carrier}
            maxLength={PROPOSAL_LIMITS.carrier}
            hint="Facultatif. La structure ou le collectif qui la mène (ex. centre social, association, ville)."
            error={fieldError(state, "carrier")}
          />

          <h2>Vous</h2>
          <ProposerFields state={state} labels={proposalLabels} />
          <ConsentField
            name="publicContactConsent"
            label={proposalLabels.publicContactConsent}
            hint="Facultatif : votre nom, votre fonction et votre adresse e-mail apparaîtraient alors sur la fiche publiée. Vous pouvez retirer cet accord à tout moment."
            error={fieldError(state, "publicContactConsent")}
          />
        </>
      )}
    </StateForm>
  );
}
