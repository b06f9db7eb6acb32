"use client";

import { useActionState, type ReactNode } from "react";
import { idleState, type FormState } from "@/lib/admin/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A one-button form posting hidden fields to a server action (publish, trash, restore...), with
 * its result announced next to it. `children` may add fields (a comment, a confirmation).
 */
export function ActionButton({
  action,
  fields,
  label,
  variant = "primary",
  children,
  reloadOnSuccess = true,
}: {
  action: Action;
  fields: Record<string, string | number>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  children?: ReactNode;
  reloadOnSuccess?: boolean;
}) {
  const [state, formAction, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.status === "ok" && reloadOnSuccess) window.location.reload();
    return next;
  }, idleState);
  return (
    <form action={formAction} className="action-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className={variant === "primary" ? undefined : `button--${variant}`} disabled={pending}>
        {label}
      </button>
      {state.status !== "idle" && (
        <div role={state.status === "ok" ? "status" : "alert"} className={state.status === "ok" ? "notice" : "error-summary"}>
          <p>{state.message}</p>
          {state.items && state.items.length > 0 && (
            <ul>
              {state.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
