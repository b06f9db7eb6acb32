import type { FormState } from "@/lib/admin/form-state";
import { HONEYPOT_FIELD, PROPOSAL_LIMITS } from "@/lib/proposals/schema";

/** The fields of the visitors' forms: ids are the names, so that the error summary links to them. */

export const fieldError = (state: FormState, name: string) => state.fieldErrors?.[name]?.join(" ");

function Required() {
  return (
    <>
      <span aria-hidden="true"> *</span>
      <span className="visually-hidden"> (obligatoire)</span>
    </>
  );
}

export function TextField({
  name,
  label,
  error,
  hint,
  required = false,
  multiline = false,
  maxLength,
  type = "text",
  autoComplete = "off",
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  maxLength: number;
  type?: "text" | "email";
  autoComplete?: string;
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: name,
    name,
    maxLength,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
    required: required || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required && <Required />}
      </label>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      {multiline ? <textarea {...common} rows={8} /> : <input {...common} type={type} autoComplete={autoComplete} />}
    </div>
  );
}

/** The free text of a visitor's form (`body`): the description, or the message. */
export function BodyField({ state, label, hint }: { state: FormState; label: string; hint: string }) {
  return (
    <TextField
      name="body"
      label={label}
      required
      multiline
      maxLength={PROPOSAL_LIMITS.body}
      hint={hint}
      error={fieldError(state, "body")}
    />
  );
}

/** A consent: unticked until the person ticks it. */
export function ConsentField({ name, label, hint, error }: { name: string; label: string; hint: string; error?: string }) {
  return (
    <div className="field field--checkbox">
      <input id={name} name={name} type="checkbox" aria-describedby={`${name}-hint`} />
      <label htmlFor={name}>{label}</label>
      <p className="hint" id={`${name}-hint`}>
        {hint}
      </p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

/** The person who writes, on both visitors' forms, with the robots' trap. */
export function ProposerFields({
  state,
  labels,
}: {
  state: FormState;
  labels: { proposerName: string; proposerEmail: string; proposerRole: string; contactConsent: string };
}) {
  return (
    <>
      <TextField
        name="proposerName"
        label={labels.proposerName}
        required
        maxLength={PROPOSAL_LIMITS.proposerName}
        autoComplete="name"
        error={fieldError(state, "proposerName")}
      />
      <TextField
        name="proposerEmail"
        label={labels.proposerEmail}
        type="email"
        required
        maxLength={PROPOSAL_LIMITS.proposerEmail}
        autoComplete="email"
        hint="Pour vous répondre. Elle n'est jamais publiée sans votre accord."
        error={fieldError(state, "proposerEmail")}
      />
      <TextField
        name="proposerRole"
        label={labels.proposerRole}
        maxLength={PROPOSAL_LIMITS.proposerRole}
        autoComplete="organization-title"
        hint="Facultatif. Ex. : chargée de mission politique de la ville, Ville de Creil."
        error={fieldError(state, "proposerRole")}
      />
      <ConsentField
        name="contactConsent"
        label={labels.contactConsent}
        hint="Facultatif : sans cet accord, l'IREV vous écrit seulement pour accuser réception et pour vous dire sa décision."
        error={fieldError(state, "contactConsent")}
      />
      <HoneypotField />
    </>
  );
}

/** Hidden from people and from screen readers: only a robot fills it. */
export function HoneypotField() {
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor={HONEYPOT_FIELD}>Ne remplissez pas ce champ</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
