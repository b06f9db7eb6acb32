"use client";

import { sendCorrection } from "@/app/proposer/actions";
import { StateForm } from "@/components/admin/StateForm";
import { correctionLabels, type CorrectionEntryKind } from "@/lib/proposals/schema";
import { BodyField, ProposerFields } from "./VisitorFields";

/** « Signaler une correction ou un complément » about one published initiative, actor or lesson. */
export function CorrectionForm({ kind, slug }: { kind: CorrectionEntryKind; slug: string }) {
  return (
    <StateForm action={sendCorrection} submitLabel="Envoyer le message" labels={correctionLabels} keepValues>
      {(state) => (
        <>
          <input type="hidden" name="entry" value={kind} />
          <input type="hidden" name="slug" value={slug} />
          <BodyField
            state={state}
            label={correctionLabels.body}
            hint="Ce qui est inexact ou manque (un résultat, un contact, une date…) et, si possible, d'où vient l'information. 3 adresses web au plus."
          />
          <ProposerFields state={state} labels={correctionLabels} />
        </>
      )}
    </StateForm>
  );
}
