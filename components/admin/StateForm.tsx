"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { idleState, type FormState } from "@/lib/admin/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A small form posting to a server action, with its outcome above the fields: errors linked to
 * the fields (ids = field names), a one-time secret or a list of codes to copy. `children` may
 * read the outcome, to put each field's error beside it.
 *
 * `keepValues`, for long forms: submitted without React's form reset, so that a refusal leaves
 * everything typed in place, and checked by the server only, so that every message is the
 * same French one whatever the browser.
 */
export function StateForm({
  action,
  submitLabel,
  children,
  labels = {},
  keepValues = false,
}: {
  action: Action;
  submitLabel: string;
  children: ReactNode | ((state: FormState) => ReactNode);
  labels?: Record<string, string>;
  keepValues?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  function submitKeepingValues(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") outcomeRef.current?.focus();
  }, [state]);
  return (
    <form {...(keepValues ? { onSubmit: submitKeepingValues, noValidate: true } : { action: formAction })} className="stack form-narrow">
      <div ref={outcomeRef} tabIndex={-1}>
        {state.status !== "idle" && (
          <div className={state.status === "ok" ? "notice" : "error-summary"} role={state.status === "ok" ? "status" : "alert"}>
            <p>{state.message}</p>
            {Object.entries(state.fieldErrors ?? {}).length > 0 && (
              <ul>
                {Object.entries(state.fieldErrors ?? {}).map(([key, messages]) => (
                  <li key={key}>
                    <a href={`#${key}`}>{labels[key] ?? key}</a> : {messages.join(" ")}
                  </li>
                ))}
              </ul>
            )}
            {state.qrCode && state.secret && (
              <p>
                {/* A data: URL made on the server: nothing for next/image to optimise. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  className="qr-code"
                  src={state.qrCode}
                  width={200}
                  height={200}
                  alt="Code QR à scanner avec votre application d'authentification ; la clé écrite ci-dessous donne le même résultat."
                />
              </p>
            )}
            {state.secret && (
              <p>
                <code className="secret">{state.secret}</code>
              </p>
            )}
            {state.html && state.secret && (
              <p>
                Adresse pour l&apos;application : <code className="secret">{state.html}</code>
              </p>
            )}
            {state.items && (
              <ul className="codes">
                {state.items.map((item) => (
                  <li key={item}>
                    <code>{item}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {typeof children === "function" ? children(state) : children}
      <p>
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
}
