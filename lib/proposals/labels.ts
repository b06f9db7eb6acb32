import type { ProposalKind, ProposalStatus } from "@/lib/db/generated/enums";

export const proposalKindLabels: Record<ProposalKind, string> = { NEW: "Nouvelle initiative", CORRECTION: "Correction ou complément" };

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  RECEIVED: "Reçue",
  ASSIGNED: "Attribuée",
  ACCEPTED: "Acceptée",
  DECLINED: "Déclinée",
};
