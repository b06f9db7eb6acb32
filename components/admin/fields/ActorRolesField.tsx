"use client";

import { useId, useState } from "react";
import type { Option } from "@/lib/editorial/form-values";

/** Repeatable rows of (actor, role) for an initiative. */
export function ActorRolesField({
  name,
  legend,
  actors,
  roles,
  initial,
  error,
  errorId,
}: {
  name: string;
  legend: string;
  actors: Option[];
  roles: Option[];
  initial: Array<Record<string, string>>;
  error?: string;
  errorId?: string;
}) {
  const id = useId();
  const [rows, setRows] = useState(() =>
    initial.map((row, index) => ({ key: index, actorId: row.actorId ?? "", role: row.role ?? "LEAD" })),
  );
  const [next, setNext] = useState(initial.length);
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {rows.length === 0 && <p className="meta">Aucun acteur lié.</p>}
      <ol className="actor-rows">
        {rows.map((row, index) => (
          <li key={row.key} className="actor-row">
            <div>
              <label htmlFor={`${id}-actor-${row.key}`}>Acteur {index + 1}</label>
              <select
                id={`${id}-actor-${row.key}`}
                name={`${name}.actorId`}
                value={row.actorId}
                onChange={(event) =>
                  setRows((current) => current.map((r) => (r.key === row.key ? { ...r, actorId: event.target.value } : r)))
                }
              >
                <option value="">— Choisir —</option>
                {actors.map((actor) => (
                  <option key={actor.value} value={actor.value}>
                    {actor.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-role-${row.key}`}>Rôle de l&apos;acteur {index + 1}</label>
              <select
                id={`${id}-role-${row.key}`}
                name={`${name}.role`}
                value={row.role}
                onChange={(event) => setRows((current) => current.map((r) => (r.key === row.key ? { ...r, role: event.target.value } : r)))}
              >
                {roles.map((role) => (
                  <option key={role.value} value={role.value}>
                    {role.label}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button--secondary button--small"
              onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
            >
              Retirer l&apos;acteur {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button--secondary"
        onClick={() => {
          setRows((current) => [...current, { key: next, actorId: "", role: "LEAD" }]);
          setNext(next + 1);
        }}
      >
        Ajouter un acteur
      </button>
    </fieldset>
  );
}
