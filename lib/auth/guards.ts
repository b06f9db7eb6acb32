import "server-only";
import { forbidden, redirect } from "next/navigation";
import { env, secondFactorRequired } from "@/lib/config/env";
import type { UserRole } from "@/lib/db/generated/enums";
import { currentUser } from "./current-user";
import { AccessDenied, FORBIDDEN_MESSAGE, SECOND_FACTOR_MESSAGE, SIGNED_OUT_MESSAGE } from "./errors";
import { hasRole } from "./roles";
import type { SessionUser } from "./sessions";

export { AccessDenied } from "./errors";

/** Whether admins and editors of this server need a second factor (read from its environment). */
export function serverRequiresSecondFactor(): boolean {
  return secondFactorRequired(env());
}

// Those who can publish or manage accounts: a stolen password alone must not be enough.
const needsSecondFactor = (user: Pick<SessionUser, "role" | "totpEnabled">) =>
  hasRole(user.role, "EDITOR") && !user.totpEnabled && serverRequiresSecondFactor();

/**
 * The gate of every server action, route handler and private read: the signed-in user, checked in
 * the database, with at least `role`. Throws AccessDenied otherwise.
 */
export async function requireUser(
  role: UserRole = "CONTRIBUTOR",
  options: { allowMissingSecondFactor?: boolean } = {},
): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AccessDenied(401, SIGNED_OUT_MESSAGE);
  if (!hasRole(user.role, role)) throw new AccessDenied(403, FORBIDDEN_MESSAGE);
  if (!options.allowMissingSecondFactor && needsSecondFactor(user)) throw new AccessDenied(403, SECOND_FACTOR_MESSAGE);
  return user;
}

/** For pages: sign-in page when signed out, the 403 page when the role is too low. */
export async function requirePageUser(
  role: UserRole = "CONTRIBUTOR",
  options: { allowMissingSecondFactor?: boolean } = {},
): Promise<SessionUser> {
  try {
    return await requireUser(role, options);
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    if (error.status === 401) redirect("/connexion?session=expiree");
    const user = await currentUser();
    if (user && needsSecondFactor(user)) redirect("/admin/compte");
    forbidden();
  }
}
