import type { FormState } from "@/lib/admin/form-state";
import type { SessionUser } from "@/lib/auth/sessions";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
export type Fields = Record<string, string | number | string[]>;

/** A submitted form: a list value is a field sent several times (checkboxes). */
export function formOf(fields: Fields): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(key, String(one));
  }
  return data;
}

/** What an action ends with: its state, or the redirect it throws (Next's signal), as its target. */
export async function callAction(action: Action, fields: Fields): Promise<FormState | { redirect: string }> {
  try {
    return await action({ status: "idle" }, formOf(fields));
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { redirect: digest.split(";")[2]! };
  }
}

/** The session of a test user, as the mocked currentUser hands it to the guards. */
export const sessionOf = (user: { id: number; email: string; role: SessionUser["role"] }): SessionUser => ({
  id: user.id,
  email: user.email,
  name: user.email,
  role: user.role,
  totpEnabled: false,
  sessionId: "test",
});
