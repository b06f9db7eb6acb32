"use client";

import { followSelection } from "@/app/suivre/actions";
import { StateForm } from "@/components/admin/StateForm";
import { fieldError, HoneypotField, TextField } from "@/components/proposals/VisitorFields";
import { SUBSCRIBE_LIMITS, subscribeLabels } from "@/lib/subscriptions/schema";

/** « Suivre cette sélection »: an address, and the selection as the list page gave it. */
export function SubscribeForm({ list, filter }: { list: string; filter: string }) {
  return (
    <StateForm action={followSelection} submitLabel="Recevoir les nouveautés" labels={subscribeLabels}>
      {(state) => (
        <>
          <input type="hidden" name="liste" value={list} />
          <input type="hidden" name="filtre" value={filter} />
          <TextField
            name="email"
            type="email"
            autoComplete="email"
            label={subscribeLabels.email}
            required
            maxLength={SUBSCRIBE_LIMITS.email}
            error={fieldError(state, "email")}
          />
          <HoneypotField />
        </>
      )}
    </StateForm>
  );
}
