import type { UserRole } from "@/lib/db/generated/enums";

/** admin ⊃ editor ⊃ contributor: each role can do everything the lower ones can. */
const rank: Record<UserRole, number> = { CONTRIBUTOR: 1, EDITOR: 2, ADMIN: 3 };

export function hasRole(role: UserRole, atLeast: UserRole): boolean {
  return rank[role] >= rank[atLeast];
}

export const roleLabels: Record<UserRole, string> = {
  ADMIN: "Administrateur",
  EDITOR: "Éditeur",
  CONTRIBUTOR: "Contributeur",
};

export const ROLES = ["ADMIN", "EDITOR", "CONTRIBUTOR"] as const satisfies readonly UserRole[];
