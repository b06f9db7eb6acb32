"use client";

import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { PLACE_LOOKUP_HINT, PLACE_MIN_LENGTH, type PlaceMatch, placeDescription } from "@/lib/territories/place-text";

/** A place the server found for the submitted text, with the link that applies it (works without JavaScript). */
export interface PlaceSuggestion {
  code: string;
  name: string;
  description: string;
  href: string;
}

interface Option {
  code: string;
  name: string;
  description: string;
}

const SUGGESTIONS = 8;
const DELAY_MS = 200;

/**
 * « Chercher un lieu », in one step: a combobox (ARIA 1.2, list autocomplete) whose suggestions
 * come from the territories API as the person types; choosing one (Enter or a click) adds it to
 * the territory filter and submits the search form at once. Without JavaScript the field is a
 * plain GET field: the page then lists the places found as links that apply the filter.
 */
export function PlacePicker({ initialQuery, suggestions }: { initialQuery: string; suggestions: PlaceSuggestion[] }) {
  const id = useId();
  const inputId = "lieu";
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef<AbortController | null>(null);
  const [options, setOptions] = useState<Option[] | null>(null);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  useEffect(() => () => clearTimeout(timer.current), []);

  function close() {
    setOptions(null);
    setActive(-1);
  }

  async function suggest(text: string) {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    try {
      const response = await fetch(`/api/v1/territoires?q=${encodeURIComponent(text)}&par_page=${SUGGESTIONS}`, {
        headers: { accept: "application/json" },
        signal: controller.signal,
      });
      if (!response.ok) {
        close();
        setStatus(
          response.status === 429
            ? "Trop de recherches d'affilée : réessayez dans un instant."
            : "Suggestions indisponibles : validez pour chercher.",
        );
        return;
      }
      const body = (await response.json()) as { items: Omit<PlaceMatch, "matchedBy">[] };
      const found = body.items.map((item) => ({ code: item.code, name: item.name, description: placeDescription(item) }));
      setOptions(found);
      setActive(-1);
      setStatus(
        found.length === 0
          ? `Aucun lieu trouvé pour « ${text} ». ${PLACE_LOOKUP_HINT}`
          : `${found.length === 1 ? "1 lieu proposé" : `${found.length} lieux proposés`} : flèches haut et bas pour parcourir, Entrée pour choisir.`,
      );
    } catch (error) {
      if ((error as Error).name !== "AbortError") setStatus("Suggestions indisponibles : validez pour chercher.");
    }
  }

  function onInput(text: string) {
    clearTimeout(timer.current);
    if (text.trim().length < PLACE_MIN_LENGTH) {
      request.current?.abort();
      close();
      setStatus("");
      return;
    }
    timer.current = setTimeout(() => void suggest(text.trim()), DELAY_MS);
  }

  function choose(option: Option) {
    close();
    if (inputRef.current) inputRef.current.value = "";
    setStatus(`${option.name} ajouté au filtre Territoire.`);
    // The chosen place is a hidden "territoire" field for the length of one submission: it must
    // be in the DOM before the form is submitted.
    flushSync(() => setPicked(option.code));
    inputRef.current?.form?.requestSubmit();
    setPicked(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = options?.length ?? 0;
    if (event.key === "ArrowDown" && count > 0) {
      event.preventDefault();
      setActive((current) => (current + 1) % count);
    } else if (event.key === "ArrowUp" && count > 0) {
      event.preventDefault();
      setActive((current) => (current <= 0 ? count - 1 : current - 1));
    } else if (event.key === "Enter" && options && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape" && options) {
      event.preventDefault();
      close();
    }
  }

  const open = options !== null && options.length > 0;
  return (
    <div className="facet__place place-picker">
      <label htmlFor={inputId}>Chercher un lieu (nom, code postal, sigle ou code)</label>
      <div className="facet__place-row">
        <input
          ref={inputRef}
          id={inputId}
          name="lieu"
          type="search"
          defaultValue={initialQuery}
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          onChange={(event) => onInput(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(close, 150)}
        />
        <button type="submit" className="button--secondary">
          Chercher
        </button>
      </div>
      {picked && <input type="hidden" name="territoire" value={picked} />}
      <ul id={listId} role="listbox" aria-label="Lieux proposés" className="place-picker__options" hidden={!open}>
        {open &&
          options.map((option, index) => (
            <li
              key={option.code}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="place-picker__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              <span className="place-picker__name">{option.name}</span> <span className="meta">{option.description}</span>
            </li>
          ))}
      </ul>
      <p aria-live="polite" aria-atomic="true" className="meta place-picker__status">
        {status}
      </p>
      {initialQuery &&
        (suggestions.length > 0 ? (
          <div className="place-picker__found">
            <p className="meta">Lieux trouvés pour « {initialQuery} » : choisissez-en un pour filtrer.</p>
            <ul>
              {suggestions.map((suggestion) => (
                <li key={suggestion.code}>
                  <a href={suggestion.href}>
                    {suggestion.name}
                    <span className="visually-hidden"> : filtrer sur ce lieu</span>
                  </a>{" "}
                  <span className="meta">{suggestion.description}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="meta">
            Aucun lieu trouvé pour « {initialQuery} ». {PLACE_LOOKUP_HINT}
          </p>
        ))}
    </div>
  );
}
