"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { saveEntity } from "@/app/admin/_actions/editorial";
import { idleState, type FormState } from "@/lib/admin/form-state";
import type { FieldSpec, FormValues, OptionLists } from "@/lib/editorial/form-values";
import { FieldDiffTable } from "./FieldDiffTable";
import { ActorRolesField } from "./fields/ActorRolesField";
import { MarkdownField } from "./fields/MarkdownField";
import { TerritoryPicker } from "./fields/TerritoryPicker";

interface Props {
  entity: string;
  id?: number;
  version?: number;
  fields: FieldSpec[];
  options: OptionLists;
  values: FormValues;
  territoryLabels: Record<string, string>;
  submitLabel: string;
}

const inputTypes: Partial<Record<FieldSpec["kind"], string>> = {
  text: "text",
  url: "url",
  email: "email",
  tel: "tel",
  number: "text",
  date: "date",
};

/**
 * The edit form of any record. Submitted through the action without React's automatic form reset,
 * so that a refusal (invalid input, conflict, expired session) leaves everything typed in place.
 */
export function EntityForm({ entity, id, version, fields, options, values, territoryLabels, submitLabel }: Props) {
  const [state, dispatch, pending] = useActionState(saveEntity, idleState);
  const [baseVersion, setBaseVersion] = useState(version);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // A full load, not router.push: the form's fields and its base version must start again from
    // what was saved, and uncontrolled fields keep their DOM values across a client navigation.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (state.status === "ok") window.location.assign(`${window.location.pathname}?enregistre=1`);
    else if (state.status !== "idle") summaryRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  const errorOf = (key: string) => state.fieldErrors?.[key]?.join(" ");
  const groups = [...new Set(fields.map((field) => field.group ?? ""))];

  return (
    <form className="entity-form stack" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="entity" value={entity} />
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      {baseVersion !== undefined && <input type="hidden" name="version" value={baseVersion} />}

      <div ref={summaryRef} tabIndex={-1} aria-live="polite">
        {state.status !== "idle" && state.status !== "ok" && <StateSummary state={state} fields={fields} />}
        {state.status === "conflict" && state.conflict && (
          <p>
            <button
              type="button"
              className="button--secondary"
              onClick={() => setBaseVersion(state.conflict!.currentVersion)}
              disabled={baseVersion === state.conflict.currentVersion}
            >
              {baseVersion === state.conflict.currentVersion
                ? "Prêt : enregistrez pour remplacer la version actuelle par la vôtre"
                : "J'ai vérifié : garder ma version"}
            </button>{" "}
            <a href={typeof window === "undefined" ? "" : window.location.pathname}>Abandonner ma saisie et recharger</a>
          </p>
        )}
      </div>

      {groups.map((group) => (
        <div key={group || "main"} className="form-group">
          {group && <h2>{group}</h2>}
          {fields
            .filter((field) => (field.group ?? "") === group)
            .map((field) => (
              <Field
                key={field.key}
                field={field}
                value={values[field.key]}
                options={options}
                territoryLabels={territoryLabels}
                error={errorOf(field.key)}
              />
            ))}
        </div>
      ))}

      {id !== undefined && (
        <div className="field">
          <label htmlFor="comment">Commentaire de version (facultatif)</label>
          <p className="hint" id="comment-hint">
            Ce qui change et pourquoi, visible dans l&apos;historique.
          </p>
          <input id="comment" name="comment" type="text" maxLength={500} aria-describedby="comment-hint" />
        </div>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : submitLabel}
        </button>
      </p>
    </form>
  );
}

function StateSummary({ state, fields }: { state: FormState; fields: FieldSpec[] }) {
  const errors = Object.entries(state.fieldErrors ?? {});
  return (
    <div className="error-summary" role="alert">
      <p>{state.message}</p>
      {errors.length > 0 && (
        <ul>
          {errors.map(([key, messages]) => (
            <li key={key}>
              <a href={`#field-${key}`}>{fields.find((f) => f.key === key)?.label ?? "Formulaire"}</a> : {messages.join(" ")}
            </li>
          ))}
        </ul>
      )}
      {state.conflict && (
        <>
          <p>
            Version actuelle : {state.conflict.currentVersion}
            {state.conflict.changedBy && `, enregistrée par ${state.conflict.changedBy}`}.
          </p>
          {state.conflict.changes.length > 0 ? (
            <FieldDiffTable changes={state.conflict.changes} beforeLabel="Avant" afterLabel="Maintenant" caption="Modifié entre-temps" />
          ) : (
            <p>Le contenu n&apos;a pas changé (seul l&apos;état ou les liens ont été modifiés).</p>
          )}
        </>
      )}
    </div>
  );
}

function Field({
  field,
  value,
  options,
  territoryLabels,
  error,
}: {
  field: FieldSpec;
  value: FormValues[string] | undefined;
  options: OptionLists;
  territoryLabels: Record<string, string>;
  error?: string;
}) {
  const id = `field-${field.key}`;
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const label = (
    <label htmlFor={id}>
      {field.label}
      {field.required && <span aria-hidden="true"> *</span>}
      {field.required && <span className="visually-hidden"> (obligatoire)</span>}
    </label>
  );
  const hint = field.hint && (
    <p className="hint" id={hintId}>
      {field.hint}
    </p>
  );
  const errorLine = error && (
    <p className="field-error" id={errorId}>
      {error}
    </p>
  );

  switch (field.kind) {
    case "checkbox":
      return (
        <div className="field field--checkbox">
          <input id={id} name={field.key} type="checkbox" defaultChecked={value === true} aria-describedby={describedBy} />
          {label}
          {hint}
          {errorLine}
        </div>
      );
    case "checkboxes": {
      const list = options[field.options ?? ""] ?? [];
      const chosen = new Set((value as string[] | undefined) ?? []);
      return (
        <fieldset className="field" id={id} aria-describedby={describedBy}>
          <legend>{field.label}</legend>
          {hint}
          {errorLine}
          {list.length === 0 ? (
            <p className="meta">Aucun élément disponible.</p>
          ) : (
            <ul className="checkbox-list">
              {list.map((option) => (
                <li key={option.value}>
                  <input
                    id={`${id}-${option.value}`}
                    type="checkbox"
                    name={field.key}
                    value={option.value}
                    defaultChecked={chosen.has(option.value)}
                  />
                  <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      );
    }
    case "territories": {
      const codes = (value as string[] | undefined) ?? [];
      return (
        <div id={id}>
          <TerritoryPicker
            name={field.key}
            legend={field.label}
            hint={field.hint}
            max={field.max}
            initial={codes.map((code) => ({ code, label: territoryLabels[code] ?? code }))}
            error={error}
            errorId={errorId}
          />
        </div>
      );
    }
    case "actorRoles":
      return (
        <div id={id}>
          <ActorRolesField
            name={field.key}
            legend={field.label}
            actors={options[field.options ?? ""] ?? []}
            roles={options.actorRoles ?? []}
            initial={(value as Array<Record<string, string>> | undefined) ?? []}
            error={error}
            errorId={errorId}
          />
        </div>
      );
    case "select": {
      const list = options[field.options ?? ""] ?? [];
      return (
        <div className="field">
          {label}
          {hint}
          {errorLine}
          <select
            id={id}
            name={field.key}
            defaultValue={(value as string) ?? ""}
            aria-describedby={describedBy}
            aria-invalid={!!error || undefined}
            required={field.required}
          >
            <option value="">{field.required ? "— Choisir —" : "— Aucun —"}</option>
            {list.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      );
    }
    case "markdown":
      return (
        <div className="field">
          {label}
          <p className="hint" id={hintId ?? `${id}-hint`}>
            {field.hint ??
              "Markdown : **gras**, *italique*, listes avec « - », liens [texte](https://…). Ligne vide entre deux paragraphes."}
          </p>
          {errorLine}
          <MarkdownField
            id={id}
            name={field.key}
            defaultValue={(value as string) ?? ""}
            describedBy={[hintId ?? `${id}-hint`, error ? errorId : null].filter(Boolean).join(" ")}
            invalid={!!error}
            required={field.required}
          />
        </div>
      );
    case "textarea":
      return (
        <div className="field">
          {label}
          {hint}
          {errorLine}
          <textarea
            id={id}
            name={field.key}
            rows={4}
            defaultValue={(value as string) ?? ""}
            aria-describedby={describedBy}
            aria-invalid={!!error || undefined}
            required={field.required}
          />
        </div>
      );
    default:
      return (
        <div className="field">
          {label}
          {hint}
          {errorLine}
          <input
            id={id}
            name={field.key}
            type={inputTypes[field.kind] ?? "text"}
            inputMode={field.kind === "number" ? "numeric" : undefined}
            defaultValue={(value as string) ?? ""}
            aria-describedby={describedBy}
            aria-invalid={!!error || undefined}
            required={field.required}
            autoComplete="off"
          />
        </div>
      );
  }
}
