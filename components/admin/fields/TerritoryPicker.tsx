"use client";

import { useId, useState } from "react";
import { type PlaceMatch, placeDescription } from "@/lib/territories/place-text";

interface Territory {
  code: string;
  label: string;
}

type Lookup = (query: string) => Promise<{ items: Territory[] } | { status: number }>;

/** Staff look places up with their aliases (signed in); visitors through the open API, as the search's place picker does. */
const lookups: Record<"staff" | "public", Lookup> = {
  async staff(query) {
    const response = await fetch(`/api/admin/territoires?q=${encodeURIComponent(query)}`, { headers: { accept: "application/json" } });
    return response.ok ? ((await response.json()) as { items: Territory[] }) : { status: response.status };
  },
  async public(query) {
    const response = await fetch(`/api/v1/territoires?q=${encodeURIComponent(query)}&par_page=10`, {
      headers: { accept: "application/json" },
    });
    if (!response.ok) return { status: response.status };
    const body = (await response.json()) as { items: Omit<PlaceMatch, "matchedBy">[] };
    return { items: body.items.map((place) => ({ code: place.code, label: `${place.name} (${placeDescription(place)})` })) };
  },
};

const failure = (status: number) =>
  status === 401
    ? "Session expirée : reconnectez-vous dans un autre onglet."
    : status === 429
      ? "Trop de recherches d'affilée : réessayez dans un instant."
      : "Recherche impossible pour le moment.";

/**
 * Picks territories from the reference by name, alias or code: a search field, a list of results
 * as buttons, the chosen ones as hidden inputs. Plain buttons keep it usable with a keyboard and
 * a screen reader without a combobox pattern.
 */
export function TerritoryPicker({
  name,
  legend,
  hint,
  initial,
  max,
  error,
  errorId,
  lookup = "staff",
}: {
  name: string;
  legend: string;
  hint?: string;
  initial: Territory[];
  max?: number;
  error?: string;
  errorId?: string;
  lookup?: keyof typeof lookups;
}) {
  const id = useId();
  const [selected, setSelected] = useState<Territory[]>(initial);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Territory[] | null>(null);
  const [status, setStatus] = useState("");

  async function search() {
    if (query.trim().length < 2) {
      setStatus("Saisissez au moins 2 caractères.");
      return;
    }
    setStatus("Recherche…");
    const found = await lookups[lookup](query.trim());
    if ("status" in found) {
      setStatus(failure(found.status));
      return;
    }
    setResults(found.items);
    setStatus(found.items.length ? `${found.items.length} territoire(s) trouvé(s).` : "Aucun territoire trouvé.");
  }

  function add(territory: Territory) {
    setSelected((current) =>
      current.some((t) => t.code === territory.code) ? current : max === 1 ? [territory] : [...current, territory],
    );
    setStatus(`${territory.label} ajouté.`);
  }

  const describedBy = [hint ? `${id}-hint` : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="field territory-picker" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {selected.map((territory) => (
        <input key={territory.code} type="hidden" name={name} value={territory.code} />
      ))}
      {selected.length > 0 ? (
        <ul className="chosen-list" aria-label={`${legend} choisis`}>
          {selected.map((territory) => (
            <li key={territory.code}>
              {territory.label}{" "}
              <button
                type="button"
                className="button--secondary button--small"
                onClick={() => {
                  setSelected((current) => current.filter((t) => t.code !== territory.code));
                  setStatus(`${territory.label} retiré.`);
                }}
              >
                Retirer<span className="visually-hidden"> {territory.label}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="meta">Aucun territoire choisi.</p>
      )}
      <div className="inline-search">
        <label htmlFor={`${id}-q`}>Chercher un territoire</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" className="button--secondary" onClick={() => void search()}>
          Chercher
        </button>
      </div>
      <p role="status" className="meta">
        {status}
      </p>
      {results && results.length > 0 && (
        <ul className="result-list">
          {results.map((territory) => (
            <li key={territory.code}>
              <button type="button" className="button--secondary button--small" onClick={() => add(territory)}>
                Ajouter <span>{territory.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
